"""A language is added in data alone (CONTRIBUTING.md, "Adding a language"): its profile and
one file per book written per language, laid in a folder named by SOPAN_DATA_DIRS, and sopan
offers it, plans, drafts and lints in it; no module names a language.

The test's language ("xx", a private-use code) is Indonesian's books under another code, so
what it shows is the mechanism, not a translation.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from sopan.data import DATA_DIRS_ENV, data_path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "sopan"
NEW = "xx"


def per_language_files(data: Path, lang: str) -> list[Path]:
    """Every file of `data` written for language `lang`: `X/<lang>.yaml` and `X/<lang>/…`."""
    own = {p for p in data.rglob(f"{lang}.yaml")}
    for folder in data.rglob(lang):
        if folder.is_dir():
            own |= {p for p in folder.rglob("*.yaml")}
    return sorted(own)


def lay_language(folder: Path) -> list[Path]:
    """The books of a new language `xx`, copied from Indonesian's, laid under `folder`."""
    data = data_path()
    laid = []
    for path in per_language_files(data, "id"):
        parts = [NEW if part == "id" else part for part in path.relative_to(data).parent.parts]
        target = folder.joinpath(*parts, NEW + ".yaml" if path.stem == "id" else path.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        laid.append(target)
    profile = folder / "languages" / f"{NEW}.yaml"
    text = profile.read_text("utf-8").replace("code: id", f"code: {NEW}")
    profile.write_text(text.replace("name: {id:", f"name: {{{NEW}: Bahasa Uji, id:"), "utf-8")
    return laid


def sopan(folder: Path, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, DATA_DIRS_ENV: str(folder), "SOPAN_CONFIG": str(tmp / "c.toml")}
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env["SOPAN_DATABASE_URL"] = f"sqlite:///{tmp / 'sopan.db'}"
    return subprocess.run(
        [sys.executable, "-m", "sopan", *args], capture_output=True, text=True, env=env,
        cwd=tmp, timeout=120,
    )  # fmt: skip


def test_a_language_laid_in_data_alone_is_offered_drafted_and_linted(tmp_path: Path) -> None:
    folder = tmp_path / "more-data"
    laid = lay_language(folder)
    assert folder / "languages" / f"{NEW}.yaml" in laid

    offered = sopan(folder, tmp_path, "draft", "--help")
    assert re.search(r"\{id,en,xx\}|id,en,xx", offered.stdout), offered.stdout

    out = tmp_path / "out"
    drafted = sopan(
        folder, tmp_path, "draft", str(ROOT / "examples" / "undangan_wawancara_id.eml"),
        "--intent", "decline", "--reason", "accepted-offer",
        "--interest", "no", "--unconfirmed", "--now", "2026-11-20T09:00+07:00",
        "--lang", NEW, "--channel", "email", "--out", str(out),
    )  # fmt: skip
    assert drafted.returncode == 0, drafted.stderr
    email = (out / "email.eml").read_text("utf-8")
    assert "Content-Language: id-ID" in email  # the tag its profile gives (Indonesian's here)
    assert "Hormat saya" in email  # its phrase books' words

    reply = tmp_path / "balasan.txt"
    reply.write_text("Yth. Bapak Andi,\n\nTerima kasih atas undangannya. Saya mohon maaf "
                     "tidak dapat hadir karena sudah menerima tawaran lain.\n\nHormat saya,\n"
                     "Rina", "utf-8")  # fmt: skip
    linted = sopan(folder, tmp_path, "lint", str(reply), "--lang", NEW)
    assert linted.returncode in (0, 1), linted.stderr  # findings or none: never an error


def test_no_module_names_a_language() -> None:
    """Branches on a language's name ('if language == "id"') are the profile's facts instead;
    the packaged languages are data, and DEFAULT_LANGUAGE names the first one."""
    named = re.compile(
        r"""(?:==|!=)\s*["'](?:id|en)["']|\(["'](?:id|en)["'], ["'](?:id|en)["']\)"""
    )
    found = [
        f"{path.relative_to(SRC)}:{number}"
        for path in SRC.rglob("*.py")
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if named.search(line)
    ]
    assert found == [], found
