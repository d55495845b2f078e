"""The command line: encodings detected or refused, one-line errors, and its exit statuses
(issue 17, rows 7 and 8): 0 all done, 1 a file or the output failed, 2 bad usage.

The encodings are ``tests/data/encodings.tsv``; the I/O failures run the command in a child
process with its standard output on a full device, closed, or in ASCII.
"""

from __future__ import annotations

import codecs
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from paths import DATA

import timeline
from timeline.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from timeline.decoding import NotTextError, decode

TEXT = "Café talks began in 2016. On Thursday, the “envoy” left.\n"
PUBLISHED = "2022-01-10"
MARKS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}


def _encodings() -> list[tuple[str, str, bool]]:
    lines = (DATA / "encodings.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert rows[0] == ["written", "read", "said"]
    return [(written, read, said == "yes") for written, read, said in rows[1:]]


def _bytes(written: str, text: str = TEXT) -> bytes:
    codec, _, mark = written.partition("+")
    if codec == "latin-1":  # Latin-1 cannot write curly quotes
        text = text.replace("“", '"').replace("”", '"')
    return (MARKS[codec] if mark else b"") + text.encode(codec)


@pytest.mark.parametrize(("written", "read", "said"), _encodings())
def test_files_are_read_in_their_encoding(
    written: str, read: str, said: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "news.txt"
    path.write_bytes(_bytes(written))
    article = timeline.Article.from_path(path)
    assert article.encoding == read
    assert article.text.startswith("Café talks began in 2016.")  # no mark, no U+FFFD
    assert main([str(path), "--published", PUBLISHED, "--format", "csv"]) == EXIT_OK
    out, err = capsys.readouterr()
    assert "Café talks began" in out and "2022-01-06" in out
    assert (f"news.txt: not UTF-8 and no byte-order mark: read as {read}" in err) is said


def test_standard_input_is_decoded_as_files_are(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(_bytes("utf-16-le+mark")), encoding="ascii")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["-", "--published", PUBLISHED, "--format", "csv"]) == EXIT_OK
    assert "Café talks began" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (bytes(range(256)) * 4, "it holds NUL bytes"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "it holds NUL bytes"),
        (b"\x1b\x02\x03\x04\x05\x06 in 2016 \x07\x08\x0e\x0f" * 50, "are control characters"),
    ],
)
def test_binary_files_are_refused(
    data: bytes, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 17, row 7: a binary file gave rc 0 and "Empty DataFrame"."""
    with pytest.raises(NotTextError, match=reason):
        decode(data)
    binary, good = tmp_path / "image.bin", tmp_path / "good.txt"
    binary.write_bytes(data)
    good.write_text(TEXT, encoding="utf-8")
    assert main([str(binary), str(good), "--published", PUBLISHED]) == EXIT_FAILED
    out, err = capsys.readouterr()
    assert err.splitlines()[0].startswith(f"timeline: {binary}: not text: ")
    assert "Café talks began" in out  # the other file's rows are there


def test_bytes_that_break_the_encoding_of_their_mark_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "In 2016".encode("utf-16-le") + b"\x00\xd8")
    with pytest.raises(UnicodeDecodeError):
        timeline.Article.from_path(path)
    assert main([str(path)]) == EXIT_FAILED


def test_exit_statuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    assert main([str(good)]) == EXIT_OK
    assert main([str(good), str(tmp_path / "missing.txt")]) == EXIT_FAILED
    assert main([str(tmp_path / "missing.txt")]) == EXIT_FAILED
    assert main([str(good), "--published", "2022-W02"]) == EXIT_USAGE
    with pytest.raises(SystemExit) as usage:
        main([str(good), "--format", "xml"])
    assert usage.value.code == EXIT_USAGE
    err = capsys.readouterr().err
    assert "timeline: " + str(tmp_path / "missing.txt") + ": No such file or directory\n" in err
    assert "Traceback" not in err


def test_a_file_without_dates_is_no_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Nothing happened.", encoding="utf-8")
    assert main([str(path)]) == EXIT_OK
    out, err = capsys.readouterr()
    assert out == ""  # not "Empty DataFrame"
    assert err.startswith(f"timeline: {path}: no dated events found")
    assert main([str(path), "--format", "csv"]) == EXIT_OK
    assert capsys.readouterr().out.startswith("doc_id,text,")


# ----------------------------------------------------------------------- output failures


def _child(shell: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m timeline`` in a shell, with redirections of its own."""
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    command = shell.format(python=sys.executable, good=good)
    return subprocess.run(
        ["sh", "-c", command],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env},
        cwd=tmp_path,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    ("shell", "env", "message"),
    [
        (
            "{python} -m timeline {good} > /dev/full",
            {},
            "timeline: cannot write the output: No space left on device\n",
        ),
        (
            "{python} -m timeline {good} >&-",
            {},
            "timeline: cannot write the output: standard output is closed\n",
        ),
        (
            "{python} -m timeline {good}",
            {"PYTHONIOENCODING": "ascii"},
            "timeline: cannot write '\\xe9' in the encoding of standard output (ascii): "
            "set PYTHONIOENCODING=utf-8\n",
        ),
        ("{python} -m timeline - <&-", {}, "timeline: -: standard input is closed\n"),
    ],
    ids=["full-disk", "closed-stdout", "ascii", "closed-stdin"],
)
def test_io_failures_are_one_line(
    shell: str, env: dict[str, str], message: str, tmp_path: Path
) -> None:
    """Issue 17, row 8: each of these was a traceback."""
    done = _child(shell, tmp_path, **env)
    assert done.returncode == EXIT_FAILED
    assert done.stderr == message


def test_a_reader_that_leaves_early_is_no_failure(tmp_path: Path) -> None:
    long = tmp_path / "long.txt"  # an output longer than a pipe holds
    long.write_text("In 2016 they met.\n" * 5000, encoding="utf-8")
    done = _child(f"({{python}} -m timeline {long}; echo rc=$? >&2) | head -c 10", tmp_path)
    assert done.stderr == "rc=0\n"


def test_undated_adds_the_main_events_of_sentences_without_a_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text("The mill closed its doors. On Monday the union met.\n", encoding="utf-8")
    assert main([str(story), "--published", "2022-01-12", "--format", "csv"]) == EXIT_OK
    plain = capsys.readouterr().out
    assert main([str(story), "--published", "2022-01-12", "--format", "csv", "--undated"]) == 0
    more = capsys.readouterr().out
    assert "closed its doors" not in plain
    assert "The mill closed its doors" in more and "union met" in more
