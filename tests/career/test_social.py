"""Social archives read as the platforms write them, and the posts worth a second look."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from career.builders import (
    instagram_export,
    linkedin_files,
    mojibake,
    tiktok_export,
    write_zip,
    x_archive,
    zip_bytes,
)
from sopan.career.archive import open_zip
from sopan.career.scan import scan_posts
from sopan.career.social import read_posts, repair

POSTS = [
    ("1001", "Hari pertama di kantor baru, semangat! Terima kasih PT Maju Jaya."),
    ("1002", "HRD-nya php banget, udah 3 minggu nggak ada kabar setelah interview user"),
    ("1003", "Macet parah anjiiing, telat lagi"),
    ("1004", "Yang mau beli kue, WA aja ke 0812-3456-7890 ya"),
    ("1005", "Dasar kadrun, bisanya cuma demo"),
    ("1006", "Had a great interview today, fingers crossed!"),
    ("1007", "Kerja di Maju Jaya bener-bener toxic, atasan semena-mena"),
]


def test_an_x_archive_and_its_older_form() -> None:
    for old in (False, True):
        archive = open_zip(zip_bytes(x_archive(POSTS, old=old)), "twitter.zip")
        posts, sources = read_posts(archive)
        assert sources == ["x"] and len(posts) == 7
        first = posts[0]
        assert first.id == "x:1001" and first.link == "https://x.com/rinaks/status/1001"
        assert first.date == datetime(2026, 10, 14, 8, 15, tzinfo=UTC)


def test_the_scan_flags_each_reason_and_leaves_the_rest() -> None:
    archive = open_zip(zip_bytes(x_archive(POSTS)), "twitter.zip")
    posts, _ = read_posts(archive)
    flagged = {
        f.post.id: sorted({r.reason for r in f.reasons})
        for f in scan_posts(posts, ["PT Maju Jaya Tbk"])
    }
    assert flagged == {
        "x:1002": ["complaint"],
        "x:1003": ["insult"],
        "x:1004": ["personal"],
        "x:1005": ["sara"],
        "x:1007": ["complaint", "employer"],
    }


def test_instagram_text_mis_encoded_is_put_right() -> None:
    caption = "Selamat pagi dari Bandung ☕ café baru, cobain ya 😊"
    assert mojibake(caption) != caption and repair(mojibake(caption)) == caption
    assert repair("café") == "café"  # already right: left alone
    files = instagram_export([(1792051200, caption), (1792137600, "Kantor gue toxic parah 😤")])
    posts, sources = read_posts(open_zip(zip_bytes(files), "instagram.zip"))
    assert sources == ["instagram"]
    assert [p.text for p in posts] == [caption, "Kantor gue toxic parah 😤"]
    assert posts[0].link is None  # the export has no address for a post: none is made up
    assert [f.post.text for f in scan_posts(posts)] == ["Kantor gue toxic parah 😤"]


def test_tiktok_videos_and_comments() -> None:
    files = tiktok_export(
        [("2026-10-01 10:00:00", "Tutorial pivot table Excel #kerja")],
        [("2026-10-02 11:00:00", "bacot lu")],
    )
    posts, sources = read_posts(open_zip(zip_bytes(files), "tiktok.zip"))
    assert sources == ["tiktok"] and len(posts) == 2
    assert posts[0].link == "https://www.tiktokv.com/share/video/720000/"
    assert [f.post.text for f in scan_posts(posts)] == ["bacot lu"]


def test_linkedin_shares_and_comments() -> None:
    shares = [
        [
            "2026-09-01 08:00:00",
            "https://www.linkedin.com/feed/update/urn:li:share:1",
            "Proud of our team's launch!\nThree months of work.",
            "",
            "",
            "MEMBER_NETWORK",
        ],
        [
            "2026-09-05 08:00:00",
            "https://www.linkedin.com/feed/update/urn:li:share:2",
            "My manager is completely useless, honestly",
            "",
            "",
            "PUBLIC",
        ],
    ]
    comments = [
        [
            "2026-09-06 09:00:00",
            "https://www.linkedin.com/feed/update/urn:li:activity:3",
            "Hubungi saya di +62 812 3456 7890",
        ]
    ]
    files = linkedin_files(shares=shares, comments=comments)
    posts, sources = read_posts(open_zip(zip_bytes(files), "linkedin.zip"))
    assert sources == ["linkedin"] and len(posts) == 3
    assert posts[0].text == "Proud of our team's launch!\nThree months of work."
    found = scan_posts(posts)
    assert [f.post.link for f in found] == [
        "https://www.linkedin.com/feed/update/urn:li:activity:3",
        "https://www.linkedin.com/feed/update/urn:li:share:2",
    ]  # newest first


def test_the_cli_json_contract(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    archive = write_zip(tmp_path / "twitter.zip", x_archive(POSTS))
    done = run_cli("career", "social", str(archive), "--employer", "PT Maju Jaya", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"flagged", "scanned", "sources"} and data["scanned"] == 7
    first = data["flagged"][0]
    assert set(first) == {"id", "source", "date", "text", "link", "reasons"}
    assert {r["reason"] for f in data["flagged"] for r in f["reasons"]} == {
        "complaint",
        "insult",
        "personal",
        "sara",
        "employer",
    }
    assert all(r["guideline"] == "R9.2" for f in data["flagged"] for r in f["reasons"])
    human = run_cli("career", "social", str(archive), "--lang", "id")
    assert "perlu dilihat lagi" in human.stdout and "kata kasar" in human.stdout
    assert "Nothing was posted" not in human.stdout


def test_an_archive_with_no_posts_is_one_line(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = write_zip(tmp_path / "other.zip", {"readme.txt": "hi"})
    done = run_cli("career", "social", str(other))
    assert done.returncode == 2 and "tidak ada unggahan" in done.stderr
