"""The budgets of an export, checked on its central directory before anything is unpacked:
a ZIP bomb, too many files, folders too deep, archives nested too deep, a path that climbs
out or starts at the root, two members sharing bytes — each one line, exit 2."""

from __future__ import annotations

import io
import os
import struct
import zipfile
from pathlib import Path

import pytest

from career.builders import linkedin_files, write_zip, zip_bytes
from sopan.career.archive import BUDGETS, Budgets, open_archive, open_upload, open_zip
from sopan.errors import UserError


def _refused(data: bytes, budgets: Budgets = BUDGETS) -> str:
    with pytest.raises(UserError) as caught:
        open_zip(data, "export.zip", budgets)
    message = str(caught.value)
    assert "\n" not in message and message.startswith("export.zip")
    assert UserError.exit_code == 2
    return message


def test_a_zip_bomb_is_refused_by_its_ratio_before_a_byte_is_unpacked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bomb = zip_bytes({"Profile.csv": b"\0" * (30 * 1024 * 1024)})
    assert len(bomb) < 100_000  # 30 MB of zeros deflates to ~30 KB
    opened = []
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda *a, **k: opened.append(a))
    assert "ZIP bomb" in _refused(bomb)
    assert opened == []  # refused on the directory: nothing was opened to be unpacked


def test_total_size_and_file_count_are_budgets() -> None:
    files = {f"f{i}.csv": os.urandom(300_000) for i in range(4)}  # random: ratio ~1
    assert "more than 1 MB in all" in _refused(zip_bytes(files), Budgets(total_bytes=1024 * 1024))
    many = {f"n{i}.txt": "x" for i in range(120)}
    assert "more than 100 files in it" in _refused(zip_bytes(many), Budgets(members=100))


def test_a_lying_directory_is_refused_under_the_default_budgets() -> None:
    # five members whose directory says 4 GB each: over the ratio (and the total) at once
    data = bytearray(zip_bytes({f"p{i}.csv": "a,b\n1,2\n" for i in range(5)}))
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        data[at + 24 : at + 28] = struct.pack("<I", 0xFFFFFFF0)  # uncompressed size
        at += 4
    assert "unpacks" in _refused(bytes(data))


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "/etc/passwd", "data/../../x.csv", "C:/Windows/x.csv", "..\\..\\x.csv"],
)
def test_a_path_out_of_the_archive_is_refused(name: str) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("Profile.csv", "Headline\nx\n")
        archive.writestr(zipfile.ZipInfo(name), "x")
    assert "a path leaves the archive" in _refused(out.getvalue())


def test_folders_too_deep_and_archives_nested_too_deep() -> None:
    deep = "/".join(["d"] * 20) + "/Profile.csv"
    assert "nested more than 16 deep" in _refused(zip_bytes({deep: "Headline\nx\n"}))
    inner = zip_bytes(linkedin_files())
    once = zip_bytes({"export.zip": inner})
    # the export zipped once more is opened (and is the export)
    assert open_zip(once, "once.zip").first("Profile.csv") == "Profile.csv"
    twice = zip_bytes({"again.zip": once})
    assert "archives nested more than 2 deep" in _refused(twice)


def test_two_members_sharing_their_bytes_are_refused() -> None:
    data = bytearray(zip_bytes({"a.csv": "a\n1\n", "b.csv": "b\n2\n"}))
    first = data.find(b"PK\x01\x02")
    second = data.find(b"PK\x01\x02", first + 4)
    data[second + 42 : second + 46] = struct.pack("<I", 0)  # b.csv's local header: a.csv's
    assert "share the same bytes" in _refused(bytes(data))


def test_not_a_zip_and_an_encrypted_member_are_one_line() -> None:
    with pytest.raises(UserError, match="not a ZIP archive"):
        open_zip(b"PK\x03\x04 broken", "x.zip")
    data = bytearray(zip_bytes({"Profile.csv": "Headline\nx\n"}))
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(sig)
        data[at + flag_at] |= 0x1  # the encrypted flag, in the local header and the directory
    archive = open_zip(bytes(data), "locked.zip")
    with pytest.raises(UserError, match="locked with a password"):
        archive.read("Profile.csv")


def test_a_member_over_its_cap_is_refused_while_unpacking_even_when_the_header_lies() -> None:
    data = bytearray(zip_bytes({"Profile.csv": os.urandom(4096)}))
    at = data.find(b"PK\x01\x02")
    data[at + 24 : at + 28] = struct.pack("<I", 10)  # the directory says 10 bytes
    archive = open_zip(bytes(data), "liar.zip", Budgets(member_bytes=1000))
    with pytest.raises((UserError, zipfile.BadZipFile)):
        archive.read("Profile.csv")


def test_a_folder_is_walked_without_following_links(tmp_path: Path) -> None:
    root = tmp_path / "export"
    root.mkdir()
    for name, text in linkedin_files().items():
        (root / name).write_text(text, "utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text("not yours", "utf-8")
    (root / "link.csv").symlink_to(outside)
    archive = open_archive(root)
    assert "Profile.csv" in archive.names() and "link.csv" not in archive.names()
    with pytest.raises(UserError, match="more than 3 files in it"):
        open_archive(root, Budgets(members=3))


def test_an_upload_is_read_in_memory_and_a_single_file_alone(tmp_path: Path) -> None:
    data = zip_bytes(linkedin_files())
    assert open_upload(data, "export.zip").first("Connections.csv") == "Connections.csv"
    single = open_upload(b"window.YTD.tweets.part0 = []", "tweets.js")
    assert single.names() == ["tweets.js"]
    path = write_zip(tmp_path / "e.zip", linkedin_files())
    assert open_archive(path).first("Skills.csv") == "Skills.csv"
    with pytest.raises(UserError, match="no such file"):
        open_archive(tmp_path / "missing.zip")


def test_the_cli_refuses_a_bomb_in_one_line_with_exit_2(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(zip_bytes({"Profile.csv": b"\0" * (20 * 1024 * 1024)}))
    for command in (["profile", str(bomb)], ["social", str(bomb)], ["network", str(bomb)]):
        done = run_cli("career", *command)
        assert done.returncode == 2, done.stderr
        assert (
            done.stderr.count("\n") == 1 and "bom ZIP" in done.stderr
        )  # in the profile's language
        assert "Traceback" not in done.stderr and done.stdout == ""
