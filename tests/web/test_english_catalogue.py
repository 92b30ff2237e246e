"""The English catalogue is complete and the pages of every app read in English when asked to."""

from __future__ import annotations

import ast
import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.urls import reverse

import penata
from tests.web.test_views_org import html

CATALOGUE = Path(penata.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "django.po"
HINT = (
    "run `.venv/bin/penata makemessages -l en --no-obsolete -i tests -i bench -i docs -i var "
    "-i test-results` from the project root, translate the entries, then "
    "`msgfmt --check -o django.mo django.po` in src/penata/locale/en/LC_MESSAGES"
)
# %(name)s / %(n)d, positional %s / %d, and str.format fields; %% is a literal percent sign.
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdifr]|%[sdifr]|\{[A-Za-z_][A-Za-z0-9_]*\}|\{\}")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgctxt: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    def translated(self) -> bool:
        if self.msgid_plural:
            return len(self.msgstr_plural) >= 2 and all(self.msgstr_plural.values())
        return bool(self.msgstr)


def _entries() -> list[Entry]:
    """The live entries of the catalogue (a small reader of the subset makemessages writes)."""
    entries: list[Entry] = []
    current = Entry()
    target: tuple[str, int | None] | None = None

    def finish() -> None:
        nonlocal current
        if current.msgid:
            entries.append(current)
        current = Entry()

    for line in CATALOGUE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            finish()
            target = None
        elif line.startswith("#,"):
            current.flags |= {f.strip() for f in line[2:].split(",")}
        elif line.startswith("#"):
            continue  # references, translator notes, previous msgids and obsolete entries
        elif line.startswith('"'):
            assert target is not None, f"continuation without a keyword: {line}"
            _append(current, target, ast.literal_eval(line))
        else:
            keyword, _, rest = line.partition(" ")
            match = re.fullmatch(r"msgstr\[(\d+)\]", keyword)
            target = ("msgstr_plural", int(match[1])) if match else (keyword, None)
            if keyword == "msgid" and (current.msgid or current.msgstr):
                finish()
            _append(current, target, ast.literal_eval(rest))
    finish()
    return entries


def _append(entry: Entry, target: tuple[str, int | None], text: str) -> None:
    name, index = target
    if index is not None:
        entry.msgstr_plural[index] = entry.msgstr_plural.get(index, "") + text
    else:
        setattr(entry, name, (getattr(entry, name) or "") + text)


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text.replace("%%", "")))


def test_every_entry_is_translated_and_none_is_fuzzy():
    missing = [e.msgid for e in _entries() if not e.translated() or "fuzzy" in e.flags]

    assert not missing, f"{len(missing)} untranslated or fuzzy entries, e.g. {missing[:5]}; {HINT}"


def test_every_translation_keeps_the_placeholders_of_its_source():
    wrong = []
    for e in _entries():
        if e.msgid_plural:
            pairs = [(e.msgid if k == 0 else e.msgid_plural, s) for k, s in e.msgstr_plural.items()]
            # The singular form may spell the number out ("one reminder"), so it only has to
            # use placeholders of the msgid; the other forms must use exactly the plural's.
            for k, (source, target) in enumerate(pairs):
                got, want = _placeholders(target), _placeholders(source)
                if (k == 0 and not set(got) <= set(want)) or (k > 0 and got != want):
                    wrong.append((e.msgid, target))
        elif _placeholders(e.msgstr) != _placeholders(e.msgid):
            wrong.append((e.msgid, e.msgstr))

    assert not wrong, f"placeholders differ from the source text: {wrong[:5]}"


def test_compiled_catalogue_matches_the_source():
    compiled = CATALOGUE.with_suffix(".mo")

    assert compiled.exists()
    assert compiled.stat().st_size > 100_000, "django.mo looks like the small foundation catalogue"
    with compiled.open("rb") as fh:
        catalog = gettext.GNUTranslations(fh)._catalog  # type: ignore[attr-defined]
    lacking = [
        e.msgid
        for e in _entries()
        if e.translated()
        and not e.msgid_plural
        and not e.msgctxt
        and catalog.get(e.msgid) != e.msgstr
    ]

    assert not lacking, f"django.mo differs from django.po (stale?), e.g. {lacking[:5]}; {HINT}"


@pytest.fixture
def english(in_english):
    return in_english


@pytest.mark.parametrize(
    "name,expected,indonesian",
    [
        ("participation:complaint_new", "Send the complaint", "Kirim aduan"),
        ("participation:index", "Public services and citizen participation", "Layanan publik"),
        ("participation:catalog", "Service catalogue", "Katalog layanan"),
        ("participation:results_index", "Public Satisfaction Index", "Indeks Kepuasan"),
    ],
)
def test_public_participation_pages_read_in_english(english, org, name, expected, indonesian):
    page = html(english.get(reverse(name)))

    assert 'lang="en"' in page
    assert expected in page
    assert indonesian not in page


@pytest.mark.parametrize(
    "user,name,args,expected,indonesian",
    [
        ("admin", "workload:unit", "dinkes", "Need (rounded)", "Kebutuhan (dibulatkan)"),
        ("admin", "workload:summary", None, "Workload summary", "Ringkasan beban kerja"),
        ("pegawai", "performance:home", None, "My SKP", "SKP saya"),
        ("pegawai", "change:feed", None, "Change announcements", "Pengumuman perubahan"),
        ("pegawai", "learning:home", None, "My competency development", "Pengembangan kompetensi"),
        (
            "admin",
            "restructure:scenario_list",
            None,
            "Restructuring scenarios",
            "Skenario penataan",
        ),
        ("admin", "roles:list", None, "Grant a role", "Beri peran"),
        ("pegawai", "privacy:my_data", None, "Request a data correction", "Ajukan koreksi"),
    ],
)
def test_staff_pages_of_the_newer_apps_read_in_english(
    english, org, user, name, args, expected, indonesian
):
    english.force_login(org.users[user])
    url = reverse(name, args=[getattr(org, args).pk] if args else None)

    response = english.get(url)
    page = html(response)

    assert response.status_code == 200
    assert 'lang="en"' in page
    assert expected in page
    assert indonesian not in page


def test_accept_language_header_alone_switches_to_english(client, org):
    page = html(client.get(reverse("participation:complaint_new"), HTTP_ACCEPT_LANGUAGE="en"))

    assert 'lang="en"' in page
    assert "Complaint category" in page
