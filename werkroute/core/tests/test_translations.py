"""The English translation: complete, compiled from the current .po, and switched on by the cookie.

The Dutch msgids are the source text. `make messages` refreshes werkroute/locale/en/LC_MESSAGES/
django.po and compiles django.mo; both are committed, so running the site needs no GNU gettext.
"""

import ast
import gettext
import re
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.test import Client
from django.utils import translation

import pytest

from werkroute.catalogue.constants import OfferingKind

LC_MESSAGES = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES"
PO_FILE = LC_MESSAGES / "django.po"
MO_FILE = LC_MESSAGES / "django.mo"

# Named placeholders, as in "%(name)s" or "%(ratio).1f".
PLACEHOLDER = re.compile(r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]")


class Entry:
    def __init__(self) -> None:
        self.flags: set[str] = set()
        self.msgctxt: str | None = None
        self.msgid = ""
        self.msgid_plural: str | None = None
        self.msgstr: dict[int, str] = {}
        self.line = 0

    @property
    def key(self) -> str:
        return f"{self.msgctxt}\x04{self.msgid}" if self.msgctxt is not None else self.msgid


def _unquote(text: str) -> str:
    # A .po string is a C string literal; Python's reading of one is the same for what gettext
    # writes (\n, \t, \", \\, and UTF-8 text as it is).
    return ast.literal_eval(text)


def parse_po(path: Path) -> list[Entry]:
    """A tiny .po reader: enough for what makemessages writes. Obsolete (#~) entries are skipped."""
    entries: list[Entry] = []
    entry: Entry | None = None
    field: tuple[str, int | None] | None = None

    def finish() -> None:
        nonlocal entry, field
        if entry is not None:
            entries.append(entry)
        entry, field = None, None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            continue
        if line.startswith("#"):
            if entry is not None and field is not None:
                finish()  # a comment after the strings starts the next entry
            if entry is None:
                entry = Entry()
                entry.line = number
            if line.startswith("#,"):
                entry.flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        if entry is None:
            entry = Entry()
            entry.line = number
        match = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(\".*\")$", line)
        if match:
            keyword, index, text = match.groups()
            # Strings after strings start the next entry, except msgid after its msgctxt.
            starts_entry = keyword in ("msgctxt", "msgid") and field is not None
            if starts_entry and not (keyword == "msgid" and field[0] == "msgctxt"):
                finish()
                entry = Entry()
                entry.line = number
            field = (keyword, int(index) if index is not None else None)
            _append(entry, field, _unquote(text))
        elif line.startswith('"') and field is not None:
            _append(entry, field, _unquote(line))
        else:
            raise AssertionError(f"{path}:{number}: cannot read {raw!r}")
    finish()
    return entries


def _append(entry: Entry, field: tuple[str, int | None], text: str) -> None:
    keyword, index = field
    if keyword == "msgctxt":
        entry.msgctxt = (entry.msgctxt or "") + text
    elif keyword == "msgid":
        entry.msgid += text
    elif keyword == "msgid_plural":
        entry.msgid_plural = (entry.msgid_plural or "") + text
    else:
        slot = index or 0
        entry.msgstr[slot] = entry.msgstr.get(slot, "") + text


def messages() -> list[Entry]:
    """Every entry except the header."""
    return [e for e in parse_po(PO_FILE) if e.msgid]


def mo_catalog(path: Path) -> dict:
    with path.open("rb") as handle:
        return dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]


def _where(entry: Entry) -> str:
    return f"{PO_FILE.name}:{entry.line} {entry.msgid!r}"


# --- the .po file -------------------------------------------------------------------------------


def test_po_and_mo_exist() -> None:
    assert PO_FILE.is_file(), "run `make messages`"
    assert MO_FILE.is_file(), "run `make messages` (compilemessages writes django.mo)"


def test_the_po_parser_reads_every_entry() -> None:
    text = PO_FILE.read_text(encoding="utf-8")
    active = [line for line in text.splitlines() if line.startswith("msgid ")]
    assert len(active) == len(parse_po(PO_FILE))
    assert len(messages()) > 100


def test_every_message_is_translated() -> None:
    untranslated = []
    for entry in messages():
        forms = 2 if entry.msgid_plural is not None else 1
        if any(not entry.msgstr.get(i, "").strip() for i in range(forms)):
            untranslated.append(_where(entry))
    assert not untranslated, "untranslated:\n" + "\n".join(untranslated)


def test_no_entry_is_fuzzy() -> None:
    fuzzy = [_where(e) for e in parse_po(PO_FILE) if "fuzzy" in e.flags]
    assert not fuzzy, "review these and remove the fuzzy flag:\n" + "\n".join(fuzzy)


def test_translations_keep_the_placeholders() -> None:
    wrong = []
    for entry in messages():
        sources = (
            [entry.msgid, entry.msgid_plural] if entry.msgid_plural is not None else [entry.msgid]
        )
        for index, source in enumerate(sources):
            if sorted(PLACEHOLDER.findall(source)) != sorted(
                PLACEHOLDER.findall(entry.msgstr.get(index, ""))
            ):
                wrong.append(f"{_where(entry)} -> {entry.msgstr.get(index)!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_translations_keep_leading_and_trailing_spaces_and_line_breaks() -> None:
    wrong = []

    def shape(text: str) -> tuple[bool, bool, int]:
        return text[:1].isspace(), text[-1:].isspace(), text.count("\n")

    for entry in messages():
        if any(shape(text) != shape(entry.msgid) for text in entry.msgstr.values()):
            wrong.append(_where(entry))
    assert not wrong, "\n".join(wrong)


# --- the compiled .mo file ----------------------------------------------------------------------


def test_mo_holds_exactly_the_po_translations() -> None:
    """The committed .mo was compiled from the committed .po (no gettext needed to check)."""
    expected: dict = {}
    for entry in messages():
        if entry.msgid_plural is not None:
            for index, text in entry.msgstr.items():
                expected[(entry.key, index)] = text
        else:
            expected[entry.key] = entry.msgstr[0]
    catalog = {key: value for key, value in mo_catalog(MO_FILE).items() if key != ""}
    stale = sorted(repr(k) for k in expected.keys() ^ catalog.keys())
    stale += sorted(repr(k) for k in expected.keys() & catalog.keys() if expected[k] != catalog[k])
    assert not stale, "django.mo is out of date; run `make messages`:\n" + "\n".join(stale[:20])


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) is not installed")
def test_mo_is_what_msgfmt_makes_of_the_po(tmp_path: Path) -> None:
    fresh = tmp_path / "django.mo"
    subprocess.run(  # noqa: S603
        ["msgfmt", "--check-format", "-o", str(fresh), str(PO_FILE)],  # noqa: S607
        check=True,
        capture_output=True,
    )
    assert mo_catalog(MO_FILE) == mo_catalog(fresh), "django.mo is out of date; run `make messages`"


# --- the translation at work --------------------------------------------------------------------


def test_key_strings_come_out_in_english() -> None:
    with translation.override("en"):
        assert translation.gettext("Zoeken") == "Search"
        assert (
            translation.gettext("Vind werk en hulp bij u in de buurt")
            == "Find work and help near you"
        )
        assert translation.gettext("Routekaart weg naar werk") == "Route map to work"
        assert str(OfferingKind.JOB_FAIR.label) == "job fair"
        one = translation.ngettext("%(counter)s resultaat", "%(counter)s resultaten", 1)
        many = translation.ngettext("%(counter)s resultaat", "%(counter)s resultaten", 3)
        assert one % {"counter": 1} == "1 result"
        assert many % {"counter": 3} == "3 results"
    with translation.override("nl"):
        assert translation.gettext("Zoeken") == "Zoeken"


@pytest.mark.django_db
def test_dutch_is_the_default_on_the_route_map(client: Client) -> None:
    html = client.get("/").content.decode()
    assert '<html lang="nl"' in html
    assert "Vind werk en hulp bij u in de buurt" in html


@pytest.mark.django_db
def test_the_language_cookie_switches_the_route_map_to_english(client: Client) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Find work and help near you" in html
    assert ">Search<" in html
    assert "Vind werk en hulp" not in html
    # The switch offers the way back, in Dutch.
    assert 'value="nl"' in html
    assert ">Nederlands<" in html


@pytest.mark.django_db
def test_the_language_switch_button_sets_english(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert '<html lang="en"' in client.get("/").content.decode()
