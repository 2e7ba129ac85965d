"""The ``duben`` command line.

Exit status: 0 on success, 1 for bad input or data (one line on stderr naming the
file, line and problem), 2 for bad usage.
"""

from __future__ import annotations

import argparse
import codecs
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from duben import __version__

__all__ = ["build_parser", "main"]

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports usage errors by exception instead of exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(f"{self.prog}: {message}")


class _UsageError(Exception):
    pass


def _file_name(value: str) -> str:
    # An empty name would be read as the current directory and named in no message.
    if not value:
        raise argparse.ArgumentTypeError("empty file name")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``duben``."""
    from duben.export import FORMATS

    parser = _Parser(prog="duben", description="Bilingual reading aids for Chinese policy texts.")
    parser.add_argument("--version", action="version", version=f"duben {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    annotate = commands.add_parser("annotate", help="annotate a text and export it")
    annotate.add_argument("input", type=_file_name, metavar="INPUT", help="a text file, or - for standard input")
    annotate.add_argument("-o", "--output", type=_file_name, metavar="OUT", help="output file (default: standard output)")
    annotate.add_argument(
        "-f", "--format", choices=sorted(FORMATS), help="output format (default: from OUT's extension, else json)"
    )
    annotate.add_argument("--encoding", metavar="ENC", help="input encoding (default: detect UTF-8, GB18030, Big5)")
    annotate.add_argument(
        "--glossary",
        type=_file_name,
        metavar="FILE",
        action="append",
        default=[],
        help="extra glossary file (TOML, CSV or TSV); repeatable",
    )
    annotate.add_argument(
        "--script",
        choices=["simplified", "tw", "hk", "twp"],
        help="show the text in this script: tw or hk (traditional, Taiwan or Hong Kong standard), "
        "twp (Taiwan standard and Taiwan phrasing: 软件 → 軟體), simplified",
    )
    annotate.add_argument(
        "--no-glosses", dest="glosses", action="store_false", help="skip dictionary glosses, HSK levels and frequency ranks"
    )
    annotate.add_argument(
        "--cedict", type=_file_name, metavar="FILE", help="CC-CEDICT file (cedict_ts.u8) instead of the packaged copy"
    )
    annotate.add_argument(
        "--sandhi", action="store_true", help="add spoken tones (一/不 and third-tone sandhi) beside the citation tones"
    )
    annotate.add_argument(
        "--pinyin-style",
        choices=["marks", "numbers", "zhuyin", "none"],
        help="how the reader shows readings (default: marks); JSON always keeps tone marks, its contract",
    )

    glossary = commands.add_parser("glossary", help="check, search and show glossary entries")
    actions = glossary.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    check = actions.add_parser("check", help="validate glossary files (default: the built-in glossary)")
    check.add_argument("files", type=_file_name, metavar="FILE", nargs="*")
    search = actions.add_parser("search", help="find entries by Chinese form, id or English word")
    search.add_argument("word", metavar="WORD")
    search.add_argument("--glossary", type=_file_name, metavar="FILE", action="append", default=[])
    suggest = actions.add_parser("suggest", help="list likely policy terms in INPUT that the glossary lacks")
    suggest.add_argument("input", type=_file_name, metavar="INPUT", help="a text file, or - for standard input")
    suggest.add_argument("--encoding", metavar="ENC")
    suggest.add_argument("--glossary", type=_file_name, metavar="FILE", action="append", default=[])
    show = actions.add_parser("show", help="show one entry in full")
    show.add_argument("id", metavar="ID")
    show.add_argument("--glossary", type=_file_name, metavar="FILE", action="append", default=[])
    return parser


def _write(text: str, output: str | None, stdout: TextIO) -> None:
    if output is None:
        if not text.endswith("\n"):
            text += "\n"
        buffer = getattr(stdout, "buffer", None)
        if buffer is not None and codecs.lookup(getattr(stdout, "encoding", None) or "utf-8").name != "utf-8":
            # JSON and HTML are UTF-8 files whatever the terminal's code page (a page
            # saying charset=utf-8 written in GBK would be mojibake, or fail on 🇨🇳).
            stdout.flush()
            buffer.write(text.encode("utf-8"))
            buffer.flush()
        else:
            stdout.write(text)
        return
    from duben.errors import InputError

    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror or error}", source=output) from None


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:  # one of them does not exist (yet): not the same file
        return False


def _read_input(args: argparse.Namespace) -> str:
    from duben.decode import decode_bytes, read_text

    if args.input == "-":
        return decode_bytes(sys.stdin.buffer.read(), args.encoding, source="<stdin>")
    return read_text(args.input, args.encoding)


def _run_suggest(args: argparse.Namespace, stdout: TextIO) -> int:
    from duben.pipeline import Annotator

    text = _read_input(args)
    document = Annotator(args.glossary or None, glosses=False).annotate(text)
    seen: dict[str, list[int]] = {}
    reasons: dict[str, str] = {}
    for candidate in document.candidates:
        seen.setdefault(candidate.text, []).append(text.count("\n", 0, candidate.start) + 1)
        reasons.setdefault(candidate.text, candidate.reason)
    stdout.write("candidate\treason\tcount\tlines\n")
    for found, lines in seen.items():
        stdout.write(f"{found}\t{reasons[found]}\t{len(lines)}\t{','.join(map(str, lines))}\n")
    return EXIT_OK


def _run_annotate(args: argparse.Namespace, stdout: TextIO) -> int:
    from duben.export import format_for_path, render
    from duben.pipeline import Annotator

    if args.output is not None and args.input != "-" and _same_file(args.input, args.output):
        from duben.errors import InputError

        raise InputError("is also the input: writing would destroy it (choose another output file)", source=args.output)
    text = _read_input(args)
    form = args.format or (format_for_path(args.output) if args.output else None) or "json"
    annotator = Annotator(
        args.glossary or None, glosses=args.glosses, script=args.script, cedict_path=args.cedict, sandhi=args.sandhi
    )
    options = {}
    if args.pinyin_style and form != "json":
        from duben.orthography import PinyinStyle

        options["pinyin_style"] = PinyinStyle(args.pinyin_style)
    _write(render(annotator.annotate(text), form, **options), args.output, stdout)
    return EXIT_OK


def _describe(entry) -> str:  # type: ignore[no-untyped-def]
    lines = [f"{entry.term}  {entry.pinyin}  [{entry.id}]", f"  {entry.gloss}" + ("  (official)" if entry.official else "")]
    if entry.traditional and entry.traditional != entry.term:
        lines.append(f"  traditional: {entry.traditional}")
    if entry.literal:
        lines.append(f"  literally: {entry.literal}")
    if entry.explanation:
        lines.append(f"  {entry.explanation}")
    for item in entry.expansion:
        lines.append(f"  - {item.text} {item.pinyin}: {item.gloss}")
    if entry.aliases:
        lines.append(f"  also: {', '.join(entry.aliases)}")
    if entry.related:
        lines.append(f"  related: {', '.join(entry.related)}")
    if entry.category:
        lines.append(f"  category: {entry.category}")
    for source in entry.sources:
        lines.append(f"  source: {source}")
    return "\n".join(lines)


def _run_glossary(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from duben.errors import GlossaryError
    from duben.glossary import check_entries, default_glossary, load_glossary, resolve_glossary

    if args.action == "check":
        builtin = default_glossary()
        if not args.files:
            problems = check_entries(builtin.values())
            count = len(builtin)
        else:
            problems, count = [], 0
            for name in args.files:
                try:
                    entries = load_glossary(name)
                except GlossaryError as error:
                    problems.append(error)
                    continue
                count += len(entries)
                problems.extend(check_entries(entries, known_ids=builtin))
        stderr.writelines(f"duben: {problem}\n" for problem in problems)
        if problems:
            return EXIT_DATA
        stdout.write(f"{count} entries OK\n")
        return EXIT_OK
    if args.action == "suggest":
        return _run_suggest(args, stdout)
    glossary = resolve_glossary(args.glossary or None)
    if args.action == "search":
        found = glossary.search(args.word)
        if not found:
            stderr.write(f"duben: no glossary entry matches {args.word!r}\n")
            return EXIT_DATA
        stdout.writelines(f"{entry.id}\t{entry.term}\t{entry.pinyin}\t{entry.gloss}\n" for entry in found)
        return EXIT_OK
    entry = glossary.get(args.id) or glossary.lookup(args.id)
    if entry is None:
        stderr.write(f"duben: no glossary entry {args.id!r} (try: duben glossary search {args.id})\n")
        return EXIT_DATA
    stdout.write(_describe(entry) + "\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    from duben.errors import DubenError

    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except _UsageError as error:
        stderr.write(f"{parser.format_usage()}{error}\n")
        return EXIT_USAGE
    except SystemExit as done:  # --help and --version
        return int(done.code or 0)
    if args.command == "annotate" or getattr(args, "action", None) == "suggest":
        # The command line owns the terminal: keep jieba's progress chatter out of it.
        # jieba sets its logger's level when imported, so import it first.
        import jieba

        jieba.setLogLevel(logging.WARNING)
    try:
        if args.command == "annotate":
            return _run_annotate(args, stdout)
        if args.command == "glossary" and args.action:
            return _run_glossary(args, stdout, stderr)
    except DubenError as error:
        stderr.write(f"duben: {error}\n")
        return EXIT_DATA
    except KeyboardInterrupt:
        stderr.write("duben: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    usage = parser.format_usage() if args.command != "glossary" else "usage: duben glossary {check,search,suggest,show} ...\n"
    stderr.write(f"{usage}duben: error: a command is required\n")
    return EXIT_USAGE
