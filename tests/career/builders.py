"""Exports and archives the tests build themselves, with the real file and column names:
a LinkedIn data export (BOM, the "Notes:" preamble of Connections.csv, columns in another
order than the last export, Indonesian and English month names), an X archive (tweets.js
and the older tweet.js behind `window.YTD.….part0 =`), an Instagram export whose text is
mis-encoded as Instagram writes it, a TikTok export, and hostile ZIPs."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Sequence
from pathlib import Path

BOM = "\ufeff"
CONNECTIONS_NOTES = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    'connections to see or download their email address using this setting."\n\n'
)


def csv_text(header: Sequence[str], rows: Sequence[Sequence[str]], *, bom: bool = False) -> str:
    """A CSV file as LinkedIn writes it: every cell that needs quotes quoted, CRLF lines."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return (BOM if bom else "") + out.getvalue()


PROFILE_HEADER = [
    "First Name",
    "Last Name",
    "Maiden Name",
    "Address",
    "Birth Date",
    "Headline",
    "Summary",
    "Industry",
    "Zip Code",
    "Geo Location",
    "Twitter Handles",
    "Websites",
    "Instant Messengers",
]
#: the columns in another order than Profile.csv's usual one: they are read by name
POSITIONS_HEADER = ["Title", "Company Name", "Description", "Location", "Started On", "Finished On"]
CONNECTIONS_HEADER = [
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
]


def linkedin_files(
    *,
    headline: str = "Data Analyst | SQL · Python · Power BI",
    summary: str = (
        "Data analyst with three years in retail and e-commerce. I build SQL pipelines and "
        "Power BI dashboards that sales teams use every morning, and I cut the monthly "
        "reporting time from four days to one. I enjoy explaining numbers to people who do "
        "not work with them and I am learning machine learning in Python."
    ),
    location: str = "Bandung, West Java, Indonesia",
    websites: str = "[PORTFOLIO:https://rina.example.dev,OTHER:https://github.com/rina]",
    positions: Sequence[Sequence[str]] | None = None,
    skills: Sequence[str] = (
        "SQL",
        "Python",
        "Microsoft Excel",
        "Power BI",
        "Komunikasi",
        "Analisis Data",
    ),
    connections: Sequence[Sequence[str]] | None = None,
    shares: Sequence[Sequence[str]] = (),
    comments: Sequence[Sequence[str]] = (),
) -> dict[str, str]:
    """The files of a LinkedIn export, by name: Rina's, unless told otherwise."""
    if positions is None:
        positions = [
            [
                "Data Analyst",
                "PT Maju Jaya Tbk",
                "Built the daily sales dashboard in Power BI.",
                "Bandung",
                "Mei 2024",
                "",
            ],
            [
                "Junior Data Analyst",
                "Toko Sentosa",
                "Cleaned and reported store data with SQL.",
                "Bandung",
                "Jan 2022",
                "Apr 2024",
            ],
        ]
    if connections is None:
        connections = [
            [
                "Dewi",
                "Lestari",
                "https://www.linkedin.com/in/dewilestari",
                "dewi@majujaya.co.id",
                "PT Maju Jaya Tbk",
                "HR Business Partner",
                "12 Jan 2025",
            ],
            [
                "Budi",
                "Santoso",
                "https://www.linkedin.com/in/budisantoso",
                "",
                "Maju Jaya",
                "Engineering Manager",
                "03 Mar 2024",
            ],
            [
                "Sari",
                "Wulandari",
                "https://www.linkedin.com/in/sariw",
                "",
                "Bank Jago",
                "Product Designer",
                "20 Agu 2023",
            ],
        ]
    return {
        "Profile.csv": csv_text(
            PROFILE_HEADER,
            [
                [
                    "Rina",
                    "Kartika Sari",
                    "",
                    "",
                    "",
                    headline,
                    summary,
                    "IT Services",
                    "",
                    location,
                    "",
                    websites,
                    "",
                ]
            ],
            bom=True,
        ),
        "Positions.csv": csv_text(POSITIONS_HEADER, positions),
        "Education.csv": csv_text(
            ["School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"],
            [["Universitas Padjadjaran", "2017", "2021", "", "Sarjana Statistika", ""]],
        ),
        "Skills.csv": csv_text(["Name"], [[s] for s in skills], bom=True),
        "Certifications.csv": csv_text(
            ["Name", "Url", "Authority", "Started On", "Finished On", "License Number"],
            [["Google Data Analytics", "", "Coursera", "Mar 2023", "", ""]],
        ),
        "Languages.csv": csv_text(
            ["Name", "Proficiency"],
            [
                ["Indonesian", "Native or bilingual proficiency"],
                ["English", "Professional working proficiency"],
            ],
        ),
        "Connections.csv": CONNECTIONS_NOTES + csv_text(CONNECTIONS_HEADER, connections),
        "Shares.csv": csv_text(
            ["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"], shares
        ),
        "Comments.csv": csv_text(["Date", "Link", "Message"], comments),
    }


def zip_bytes(files: dict[str, str | bytes]) -> bytes:
    """A ZIP of the files, deflated as the platforms send them."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return out.getvalue()


def write_zip(path: Path, files: dict[str, str | bytes]) -> Path:
    """`zip_bytes` written to `path`."""
    path.write_bytes(zip_bytes(files))
    return path


def ytd(name: str, items: list[dict[str, object]], part: int = 0) -> str:
    """An X archive's .js file: the JSON list behind `window.YTD.<name>.partN =`."""
    return f"window.YTD.{name}.part{part} = " + json.dumps(items, ensure_ascii=False, indent=2)


def tweet(
    tid: str, text: str, created: str = "Wed Oct 14 08:15:00 +0000 2026"
) -> dict[str, object]:
    """One entry of tweets.js, with the fields X writes."""
    return {
        "tweet": {
            "id_str": tid,
            "id": tid,
            "full_text": text,
            "created_at": created,
            "lang": "in",
            "favorite_count": "0",
            "retweet_count": "0",
            "entities": {"hashtags": [], "urls": [], "user_mentions": []},
        }
    }


def x_archive(posts: Sequence[tuple[str, str]], *, old: bool = False) -> dict[str, str]:
    """An X archive: data/account.js and data/tweets.js (data/tweet.js when `old`)."""
    name = "tweet" if old else "tweets"
    account = [
        {"account": {"username": "rinaks", "accountId": "1234567", "accountDisplayName": "Rina"}}
    ]
    return {
        "data/account.js": ytd("account", account),
        f"data/{name}.js": ytd(name, [tweet(t, x) for t, x in posts]),
        "Your archive.html": "<html><body>Your archive</body></html>",
    }


def mojibake(text: str) -> str:
    """Text as Instagram's export writes it: each UTF-8 byte one Latin-1 character."""
    return text.encode("utf-8").decode("latin-1")


def instagram_export(captions: Sequence[tuple[int, str]]) -> dict[str, str]:
    """your_instagram_activity/content/posts_1.json: one post per caption, mis-encoded; the
    first post has two photos (its caption at the top), the others one (in the media)."""
    posts: list[dict[str, object]] = []
    for number, (stamp, caption) in enumerate(captions):
        media = {
            "uri": f"media/posts/202610/{number}.jpg",
            "creation_timestamp": stamp,
            "title": mojibake(caption),
            "media_metadata": {},
        }
        if number == 0:
            posts.append(
                {
                    "media": [media, {**media, "title": ""}],
                    "title": mojibake(caption),
                    "creation_timestamp": stamp,
                }
            )
        else:
            posts.append({"media": [media]})
    # Instagram escapes every non-ASCII character: the mis-encoding is in \u00XX escapes
    return {
        "your_instagram_activity/content/posts_1.json": json.dumps(posts),
        "personal_information/personal_information/personal_information.json": "{}",
    }


def tiktok_export(
    videos: Sequence[tuple[str, str]], comments: Sequence[tuple[str, str]]
) -> dict[str, str]:
    """user_data_tiktok.json with its video list and comment list."""
    data = {
        "Profile": {"Profile Info": {"ProfileMap": {"userName": "rinaks"}}},
        "Post": {
            "Posts": {
                "VideoList": [
                    {
                        "Date": date,
                        "Link": f"https://www.tiktokv.com/share/video/72{n:04d}/",
                        "Likes": "3",
                        "Title": text,
                        "Sound": "",
                        "Location": "",
                    }
                    for n, (date, text) in enumerate(videos)
                ]
            }
        },
        "Comment": {
            "Comments": {
                "CommentsList": [
                    {"Date": date, "Comment": text, "Photo": "N/A", "Url": ""}
                    for date, text in comments
                ]
            }
        },
    }
    return {"user_data_tiktok.json": json.dumps(data, ensure_ascii=False)}
