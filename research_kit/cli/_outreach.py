"""``research-kit note check|draft`` and ``research-kit forget``.

``note check [TEXT] [--file F] [--limit N] --json`` prints exactly
``{"ok": bool, "chars": int, "limit": int, "problems": [{"code", "message"}]}``; exit 0
when the note is fine, 1 when it has problems, 2 on bad input. Without TEXT or --file it
reads stdin. ``note draft WS --to NAME`` prints a draft (connection note, reply to an
acceptance, or thank-you note). ``forget WS NAME`` deletes one person's files after
listing them. Nothing here touches the network.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    note = sub.add_parser("note", help="check or draft connection and thank-you notes")
    note_sub = note.add_subparsers(dest="note_command", metavar="ACTION")

    p = note_sub.add_parser("check", help="check a connection note against the advice")
    p.add_argument("text", nargs="?", help="the note (or use --file, or pipe it on stdin)")
    p.add_argument("--file", "-f", help="read the note from this file ('-' for stdin)")
    p.add_argument("--limit", type=int, default=None,
                   help="character limit: 200 on a free LinkedIn account (default), 300 on "
                        "Premium")
    p.add_argument("--json", action="store_true", help="print the JSON verdict")
    p.set_defaults(handler=note_check_command)

    p = note_sub.add_parser("draft", help="draft a note to one person of a workspace")
    p.add_argument("workspace", help="the workspace folder (holds target.toml)")
    p.add_argument("--to", required=True, help="the person's name as in target.toml")
    p.add_argument("--kind", choices=["connection", "connect-thanks", "thank-you"],
                   default="connection", help="which note (default: connection)")
    p.add_argument("--limit", type=int, default=None,
                   help="connection notes: character limit (default: [outreach] limit or 200)")
    p.add_argument("--save", action="store_true",
                   help="thank-you: also write notes/thank-you-<name>.md if it does not exist")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(handler=note_draft_command)
    note.set_defaults(handler=lambda args: (note.print_help(sys.stderr), 2)[1])

    p = sub.add_parser("forget", help="delete one person's files from a workspace "
                                      "(lists them first)")
    p.add_argument("workspace", help="the workspace folder (holds target.toml)")
    p.add_argument("name", help="the person's full name")
    p.add_argument("--yes", action="store_true", help="delete without asking")
    p.add_argument("--dry-run", action="store_true", help="only list what would be deleted")
    p.add_argument("--edit-target", action="store_true",
                   help="also remove their table from target.toml (only those lines)")
    p.add_argument("--json", action="store_true", help="print the plan/result as JSON")
    p.set_defaults(handler=forget_command)


def _read_note(args) -> str:
    from ..errors import InputError

    if args.file and args.text:
        raise InputError("give the note as TEXT or --file, not both")
    if args.file:
        if args.file == "-":
            return sys.stdin.read()
        path = Path(args.file)
        if not path.is_file():
            raise InputError(f"no such file: {args.file}", suggestion="check the path")
        return path.read_text(encoding="utf-8", errors="replace")
    if args.text is not None:
        return sys.stdin.read() if args.text == "-" else args.text
    if sys.stdin.isatty():
        raise InputError("no note given", suggestion="research-kit note check \"Hi Dana, …\" "
                                                     "or --file note.txt, or pipe it in")
    return sys.stdin.read()


def note_check_command(args) -> int:
    from ..errors import InputError
    from ..research.people.note_checker import DEFAULT_LIMIT, check_note

    limit = DEFAULT_LIMIT if args.limit is None else args.limit
    if limit <= 0:
        raise InputError(f"--limit must be positive, not {limit}")
    result = check_note(_read_note(args), limit=limit)
    if args.json:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        verdict = "ok" if result.ok else f"{len(result.problems)} problem(s)"
        print(f"{verdict} — {result.chars}/{result.limit} characters, score {result.score}")
        for problem in result.problems:
            print(f"  {problem.code}: {problem.message}")
    return 0 if result.ok else 1


def note_draft_command(args) -> int:
    from ..research.people import interviewers as iv
    from ..research.people import outreach, thank_you

    people = iv.load_interviewers(args.workspace)
    person = iv.find_person(people, args.to)
    settings = outreach.outreach_settings(args.workspace)
    me = iv.load_me(args.workspace)
    saved = None
    if args.kind == "connection":
        draft = outreach.draft_connection_note(person, me, settings=settings, limit=args.limit)
    elif args.kind == "connect-thanks":
        draft = outreach.draft_connect_thanks(person, settings.my_name or (me.name if me else None),
                                              company=settings.company)
    else:
        notes = thank_you.read_interview_notes(args.workspace, person.name)
        make = (thank_you.draft_coordinator_thanks if person.role == "coordinator"
                else thank_you.draft_thank_you)
        draft = make(person, notes, me, settings)
        problems = thank_you.check_thank_you_notes([(person, draft.text)],
                                                   {person.name: notes.points})[person.name]
        if args.save:
            path = thank_you.thank_you_path(args.workspace, person.name)
            if path.exists():
                print(f"research-kit: {path} exists; not overwritten", file=sys.stderr)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(draft.text + "\n", encoding="utf-8")
                saved = str(path)
    if args.kind != "thank-you":
        problems = draft.check.problems if draft.check else []
    if args.json:
        out = {"to": draft.to, "kind": draft.kind, "text": draft.text,
               "chars": len(draft.text), "limit": draft.check.limit if draft.check else None,
               "ok": not problems, "problems": [p.to_dict() for p in problems],
               "based_on": draft.based_on, "saved": saved}
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(draft.text)
        for problem in problems:
            print(f"  {problem.code}: {problem.message}", file=sys.stderr)
        if saved:
            print(f"saved to {saved}", file=sys.stderr)
    return 0


def forget_command(args) -> int:
    from ..app.forget import forget_person, plan_forget

    plan = plan_forget(args.workspace, args.name)
    if args.dry_run or not args.json:
        _print_plan(plan, to=sys.stderr if args.json else sys.stdout)
    if args.dry_run:
        if args.json:
            json.dump(plan.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        return 0
    if not plan.delete and not (args.edit_target and plan.target_block):
        print("nothing to delete", file=sys.stderr)
        if args.json:
            json.dump(plan.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            print("research-kit: not deleting without confirmation; re-run with --yes",
                  file=sys.stderr)
            return 1
        answer = input(f"delete these files about {plan.person}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing deleted")
            return 1
    plan = forget_person(args.workspace, args.name, edit_target=args.edit_target)
    if args.json:
        json.dump(plan.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(f"deleted {len(plan.deleted)} file(s)"
              + ("; removed their table from target.toml" if plan.target_edited else ""))
    return 0


def _print_plan(plan, to) -> None:
    data = plan.to_dict()
    print(f"forget {plan.person}: files to delete", file=to)
    for item in data["delete"] or [{"path": "(none)", "why": ""}]:
        print(f"  - {item['path']}" + (f"   ({item['why']})" if item["why"] else ""), file=to)
    if data["kept"]:
        print("left as they are (mention them or are outside the workspace):", file=to)
        for item in data["kept"]:
            print(f"  - {item['path']}   ({item['why']})", file=to)
    print("not touched: the HTTP cache (public web pages only); other people's files",
          file=to)
