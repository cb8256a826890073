"""sopan as a person on Windows, macOS or any Linux installs it: its wheel, built here, put in a
fresh virtual environment with `pip install --only-binary :all:` (every dependency a wheel,
nothing compiled, no system package), then the README's first command (`draft --channel all`
on the bundled example) and `lint` on a reply with a misspelling, both giving what the
source tree gives.

Every file the installed sopan opens is recorded with an audit hook (`sys.addaudithook`:
Python's own `open`, `io.open_code` and `os.open`, and SQLite's connect): each one lies in the
new environment, the interpreter's standard library, the person's user folders, the input or
the output, or the operating system's time zone database (which the standard library and
dateutil read; on Windows the `tzdata` wheel takes its place) — never Debian's dictionaries or
fonts, which it does not know of. The dictionaries and fonts read are the package's own.

It takes about 45 s, most of it pip asking the package index about some sixty wheels.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES, ROOT, SRC

DRAFT = ["--intent", "decline", "--reason", "accepted-offer", "--interest", "no", "--unconfirmed",
         "--now", "2026-11-20T09:00+07:00", "--channel", "all"]  # fmt: skip
REPLY = (
    "Yth. Ibu Dewi Lestari,\n\nTerima kasih atas undangan wawancra untuk posisi Data Analyst. "
    "Mohon maaf, saya tidak dapat hadir karena sudah menerima tawaran kerja lain.\n\n"
    "Hormat saya,\nRina Kartika Sari\n"
)
#: runs sopan's command line with every file it opens written down, after its own exit work
AUDITED = """
import atexit, json, os, sys
log, argv = sys.argv[1], sys.argv[2:]
seen = []
def hook(event, args):
    if event in ("open", "sqlite3.connect") and args and isinstance(args[0], (str, bytes)):
        seen.append(os.path.abspath(os.fsdecode(args[0])))
def write():
    with open(log, "w", encoding="utf-8") as out:
        json.dump(seen, out)
atexit.register(write)  # first registered, so it runs last (after the caches are saved)
sys.addaudithook(hook)
sys.argv = ["sopan", *argv]
from sopan.cli import main
main()
"""


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, env=env, cwd=cwd, timeout=600)


def _wheel(tmp_path: Path) -> Path:
    """sopan's wheel, built from a copy of the files it is built from."""
    tree = tmp_path / "tree"
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, tree / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    shutil.copytree(SRC / "sopan", tree / "src" / "sopan", ignore=ignore)
    dist = tmp_path / "dist"
    built = _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                  "-w", str(dist), str(tree)], dict(os.environ), tmp_path)  # fmt: skip
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = dist.glob("sopan-*.whl")
    return wheel


def _venv(tmp_path: Path, wheel: Path) -> Path:
    """A new environment with the wheel and its dependencies, every one of them a wheel."""
    venv = tmp_path / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], dict(os.environ),
                tmp_path)  # fmt: skip
    assert made.returncode == 0, made.stderr
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = _run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                 "--only-binary", ":all:", "--no-compile", str(wheel)], env, tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return python


def _user(tmp_path: Path) -> dict[str, str]:
    """A person's environment: their own home and user folders, nothing of sopan's set."""
    home = tmp_path / "home"
    home.mkdir()
    return {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "LANG": "C.UTF-8",
            "XDG_CONFIG_HOME": str(home / ".config"), "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_DATA_HOME": str(home / ".local/share"),
            "XDG_STATE_HOME": str(home / ".local/state")}  # fmt: skip


def _audited(
    python: Path, env: dict[str, str], cwd: Path, log: Path, *args: str
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    runner = cwd / "audited.py"
    runner.write_text(AUDITED, "utf-8")
    done = _run([str(python), str(runner), str(log), *args], env, cwd)
    return done, json.loads(log.read_text("utf-8")) if log.exists() else []


def _source(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The same command from the source tree, with the test environment's spelling back end."""
    return _run([sys.executable, "-m", "sopan", *args], {**env, "PYTHONPATH": str(SRC)}, cwd)


def test_the_wheel_installs_from_wheels_alone_and_drafts_and_lints(tmp_path: Path) -> None:
    python = _venv(tmp_path, _wheel(tmp_path))
    venv = python.parent.parent
    probe = _run([str(python), "-c", "import importlib.util as u, sys; print(sys.base_prefix); "
                  "print([n for n in ('hunspell', 'extract_msg', 'spylls') if u.find_spec(n)])"],
                 {}, tmp_path).stdout.splitlines()  # fmt: skip
    base_prefix, modules = probe
    assert modules == "['spylls']"  # the pure-Python spelling back end; no optional extra
    env = _user(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    example = work / "undangan_wawancara_id.eml"
    shutil.copy2(EXAMPLES / example.name, example)
    reply = work / "balasan.txt"
    reply.write_text(REPLY, "utf-8")

    # the README's first command, from the installed package
    drafted, opened = _audited(python, env, work, tmp_path / "draft.json", "draft", str(example),
                               *DRAFT, "--out", str(work / "out"))  # fmt: skip
    assert drafted.returncode == 0, drafted.stderr
    names = {"call.txt", "voicemail.txt", "email.eml", "letter.docx", "letter.pdf", "linkedin.txt"}
    assert {p.name for p in (work / "out").iterdir()} == names
    assert "Belum ada yang dikirim" in drafted.stdout and "0 kesalahan" in drafted.stdout
    pdf = (work / "out" / "letter.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"DejaVuSans" in pdf  # the font embedded
    source = _source(env, tmp_path, "draft", str(example), *DRAFT, "--out", str(tmp_path / "s"))
    assert source.returncode == 0, source.stderr
    for name in ("call.txt", "voicemail.txt", "linkedin.txt"):
        assert (work / "out" / name).read_text("utf-8") == (tmp_path / "s" / name).read_text(
            "utf-8"
        )

    # lint on a reply with a misspelling, through the console script too
    linted, opened_lint = _audited(python, env, work, tmp_path / "lint.json", "lint", str(reply))
    assert linted.returncode == 0, linted.stderr  # a spelling finding is a warning
    assert 'Ejaan "wawancra" tidak dikenal' in linted.stdout
    assert "saran: wawancara" in linted.stdout
    script = venv / ("Scripts/sopan.exe" if os.name == "nt" else "bin/sopan")
    again = _run([str(script), "lint", str(reply)], env, work)
    assert again.stdout == linted.stdout
    from_source = _source(env, work, "lint", str(reply))
    assert from_source.stdout == linted.stdout  # the other back end, the same findings

    # an Outlook .msg without the `outlook` extra: one line naming it
    msg = work / "undangan.msg"
    msg.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
    refused = _run([str(script), "read", str(msg)], env, work)
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1 and "pip install 'sopan[outlook]'" in refused.stderr

    # what it read and wrote
    package = Path(_run([str(python), "-c", "import sopan; print(sopan.__file__)"], {},
                        tmp_path).stdout.strip()).parent  # fmt: skip
    every = opened + opened_lint
    data = package / "data"
    assert str(data / "fonts" / "DejaVuSans.ttf") in every
    assert str(data / "fonts" / "DejaVuSans-Bold.ttf") in every
    assert str(data / "dictionaries" / "id_ID.dic") in every
    allowed = (str(venv) + os.sep, str(Path(base_prefix)) + os.sep, str(tmp_path) + os.sep,
               "/usr/share/zoneinfo/", "/etc/localtime")  # fmt: skip
    outside = sorted({p for p in every if not p.startswith(allowed)})
    assert outside == [], outside
    assert not [p for p in every if p.startswith("/usr/share/") and "/zoneinfo/" not in p]
    assert not [p for p in every if p.endswith((".dic", ".aff", ".ttf")) and
                not p.startswith(str(data))]  # fmt: skip


def test_no_code_of_sopan_names_a_system_folder() -> None:
    found = [
        f"{path.relative_to(SRC)}:{n}"
        for path in sorted((SRC / "sopan").rglob("*.py"))
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if any(folder in line for folder in ("/usr/share", "/usr/lib", "/usr/local/share"))
    ]
    assert found == []
