"""The actor knowledge base: loading, normalisation, date-aware lookup, validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.actors.kb import KnowledgeBase, normalise_alias, shipped_paths
from parley.errors import ConfigError, ResolutionError

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "kb"


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def small() -> KnowledgeBase:
    return KnowledgeBase.from_paths([FIXTURES / "small.yaml"], cache=False)


@pytest.fixture(scope="module")
def shipped() -> KnowledgeBase:
    return KnowledgeBase.from_paths(shipped_paths(), cache=False)


@pytest.mark.parametrize(("a", "b"), [
    ("U.S.", "US"),
    ("the Kremlin", "Kremlin"),
    ("The Kremlin", "kremlin"),
    ("Élysée", "Elysee"),
    ("Xi\u2019s", "Xi"),
    ("Xi's", "xi"),
    ("al-Qaeda", "Al Qaeda"),
    ("People\u2019s Daily", "Peoples Daily"),
    ("  Downing   Street ", "downing street"),
    ("Guinea-Bissau", "Guinea Bissau"),
])
def test_normalise_alias_makes_variants_meet(a: str, b: str) -> None:
    assert normalise_alias(a) == normalise_alias(b)


@pytest.mark.parametrize(("a", "b"), [("Niger", "Nigeria"), ("Sudan", "South Sudan"), ("US", "USA")])
def test_normalise_alias_keeps_different_names_apart(a: str, b: str) -> None:
    assert normalise_alias(a) != normalise_alias(b)


# ----------------------------------------------------------------- date-aware lookup (fixture)

@pytest.mark.parametrize(("date", "first_id", "office", "sector"), [
    ("2017-03-01", "person:ana_kord", "Foreign Minister of Freedonia", "GOV"),
    ("2012-05-05", "person:bo_kord", "Army Chief of Freedonia", "MIL"),
    ("2016-12-31", "person:ana_kord", "Foreign Minister of Freedonia", "GOV"),  # both in force
    ("2010-01-01", "person:bo_kord", "Army Chief of Freedonia", "MIL"),  # year-only start
    ("2023-08-01", "person:ana_kord", "President of Freedonia", "GOV"),  # open-ended role
])
def test_lookup_prefers_the_role_in_force(small, date, first_id, office, sector) -> None:
    hit = small.lookup("Kord", date)[0]
    assert (hit.entry.id, hit.office, hit.sector, hit.country) == (first_id, office, sector, "ZZA")
    assert "in force" in hit.reason and date in hit.reason


def test_person_out_of_office_still_returned_with_latest_role(small) -> None:
    hits = small.lookup("Ana Kord", "2019-12-01")
    assert len(hits) == 1
    h = hits[0]
    # out of office: the country stays, the office's sector does not
    assert h.office is None and h.sector is None and h.country == "ZZA"
    assert "no role in force on 2019-12-01" in h.reason and "ended 2019-06-30" in h.reason


def test_person_before_first_role(small) -> None:
    h = small.lookup("Ana Kord", "2001-01-01")[0]
    assert h.office is None and "first role" in h.reason and "2015-01-10" in h.reason


def test_in_office_ranks_before_out_of_office(small) -> None:
    ids = [h.entry.id for h in small.lookup("Kord", "2018-01-01")]
    assert ids == ["person:ana_kord", "person:bo_kord"]
    later = small.lookup("Kord", "2018-01-01")[1]
    assert later.office is None and later.sector is None  # Bo's month-only end 2016-12


def test_no_date_means_roles_still_held(small) -> None:
    h = small.lookup("Ana Kord")[0]
    assert h.office == "President of Freedonia" and "no date given" in h.reason


@pytest.mark.parametrize(("text", "via", "sector"), [
    ("Freedonia", "name", None),
    ("Republic of Freedonia", "alias", None),
    ("Freedonian", "demonym", None),
    ("Fredville", "capital", "GOV"),
    ("the Grey House", "seat", "GOV"),
    ("Grey House", "seat", "GOV"),
    ("RF", "alias", None),
    ("R.F.", "alias", None),
])
def test_country_ways_of_naming(small, text, via, sector) -> None:
    h = small.lookup(text)[0]
    assert (h.entry.id, h.via, h.country, h.sector) == ("ZZA", via, "ZZA", sector)


def test_exact_alias_needs_its_case(small) -> None:
    assert small.lookup("rf") == []
    assert small.lookup("RF")


def test_unknown_name_and_bad_date(small) -> None:
    assert small.lookup("Nobody Known") == []
    with pytest.raises(ResolutionError, match="not YYYY-MM-DD"):
        small.lookup("Kord", "16 March 2023")


def test_accessors(small) -> None:
    assert small.get("person:ana_kord").name == "Ana Kord"
    assert small.get("nope") is None
    assert small.country("zza").name == "Freedonia"
    assert small.country_of_demonym("Freedonian").id == "ZZA"
    assert small.country_of_demonym("Martian") is None
    assert {e.id for e in small.entries()} >= {"ZZA", "person:bo_kord"}
    stats = small.stats()
    assert stats["entries"] == 4 and stats["kind_person"] == 2 and stats["roles"] == 3


# ----------------------------------------------------------------- the shipped base

@pytest.mark.parametrize(("text", "country", "sector"), [
    ("United States", "USA", None), ("the United States", "USA", None), ("US", "USA", None),
    ("U.S.", "USA", None), ("America", "USA", None), ("USA", "USA", None),
    ("Britain", "GBR", None), ("UK", "GBR", None), ("U.K.", "GBR", None),
    ("Russia", "RUS", None), ("Russian Federation", "RUS", None),
    ("South Korea", "KOR", None), ("North Korea", "PRK", None), ("DPRK", "PRK", None),
    ("Iran", "IRN", None), ("the Netherlands", "NLD", None), ("Holland", "NLD", None),
    ("Taiwan", "TWN", None), ("Kosovo", "XKX", None), ("Palestine", "PSE", None),
    ("Hong Kong", "HKG", None), ("Western Sahara", "ESH", None), ("Greenland", "GRL", None),
    ("Puerto Rico", "PRI", None), ("Ivory Coast", "CIV", None), ("Côte d'Ivoire", "CIV", None),
    ("Türkiye", "TUR", None), ("Turkey", "TUR", None), ("Myanmar", "MMR", None),
    ("Burma", "MMR", None), ("DR Congo", "COD", None), ("Vatican", "VAT", None),
    ("Beijing", "CHN", "GOV"), ("the Kremlin", "RUS", "GOV"), ("Moscow", "RUS", "GOV"),
    ("the White House", "USA", "GOV"), ("Washington", "USA", "GOV"),
    ("Downing Street", "GBR", "GOV"), ("the Elysee", "FRA", "GOV"), ("Bankova", "UKR", "GOV"),
    ("Kyiv", "UKR", "GOV"), ("Kiev", "UKR", "GOV"), ("Tehran", "IRN", "GOV"),
    ("Pentagon", "USA", "MIL"), ("TASS", "RUS", "JRN"), ("RIA Novosti", "RUS", "JRN"),
    ("Xinhua", "CHN", "JRN"), ("Global Times", "CHN", "JRN"), ("KCNA", "PRK", "JRN"),
    ("Yonhap", "KOR", "JRN"), ("IRNA", "IRN", "JRN"), ("Anadolu", "TUR", "JRN"),
    ("Al Jazeera", "QAT", "JRN"), ("Reuters", "GBR", "JRN"), ("AP", "USA", "JRN"),
    ("AFP", "FRA", "JRN"), ("The New York Times", "USA", "JRN"),
    ("NATO", "IGO", "IGO"), ("UN", "IGO", "IGO"), ("U.N.", "IGO", "IGO"),
    ("European Commission", "IGO", "IGO"), ("European Parliament", "IGO", "LEG"),
    ("IAEA", "IGO", "IGO"), ("ICC", "IGO", "JUD"), ("WHO", "IGO", "IGO"),
    ("Arab League", "IGO", "IGO"), ("ECOWAS", "IGO", "IGO"), ("Interpol", "IGO", "COP"),
    ("Hamas", "PSE", "REB"), ("Hezbollah", "LBN", "REB"), ("Houthis", "YEM", "REB"),
    ("Ansar Allah", "YEM", "REB"), ("Wagner Group", "RUS", "MIL"), ("RSF", "SDN", "REB"),
    ("ISIS", "IMG", "REB"), ("al-Qaeda", "IMG", "REB"), ("al-Shabaab", "SOM", "REB"),
    ("Boko Haram", "NGA", "REB"), ("PKK", "TUR", "REB"), ("HTS", "SYR", "GOV"),
    ("M23", "COD", "REB"), ("Likud", "ISR", "PTY"), ("United Russia", "RUS", "PTY"),
    ("Communist Party of China", "CHN", "PTY"), ("Republicans", "USA", "PTY"),
])
def test_shipped_names(shipped, text, country, sector) -> None:
    h = shipped.lookup(text, "2025-01-15")[0]
    assert (h.country, h.sector) == (country, sector), h.reason


@pytest.mark.parametrize(("text", "date", "sector"), [
    ("Taliban", "2019-06-01", "REB"), ("Taliban", "2022-06-01", "GOV"),
])
def test_shipped_group_that_took_power(shipped, text, date, sector) -> None:
    assert shipped.lookup(text, date)[0].sector == sector


@pytest.mark.parametrize("word", ["us", "who", "it", "labour", "republicans"])
def test_common_words_are_not_acronyms(shipped, word) -> None:
    assert shipped.lookup(word) == []


@pytest.mark.parametrize(("word", "code"), [
    ("Chinese", "CHN"), ("Ukrainian", "UKR"), ("Israeli", "ISR"), ("Emirati", "ARE"),
    ("American", "USA"), ("British", "GBR"), ("Russian", "RUS"), ("Saudi", "SAU"),
    ("Congolese", "COD"), ("Dominican", "DOM"), ("Kiwi", None), ("Ukrainians", "UKR"),
    ("Israelis", "ISR"), ("Swiss", "CHE"),
])
def test_shipped_demonyms(shipped, word, code) -> None:
    e = shipped.country_of_demonym(word)
    assert (e.id if e else None) == code


def test_shipped_coverage(shipped) -> None:
    import pycountry

    codes = {c.alpha_3 for c in pycountry.countries}
    assert codes <= {e.id for e in shipped.entries() if e.kind == "country"}
    s = shipped.stats()
    assert s["kind_igo"] >= 100 and s["kind_media"] >= 50 and s["kind_group"] >= 50


def test_shipped_files_validate_clean() -> None:
    own = [p for p in shipped_paths() if p.name != "people.yaml"]
    problems = KnowledgeBase.from_paths(own, cache=False).validate()
    assert [p for p in problems if p.startswith("error")] == []
    assert [p for p in problems if p.startswith("warning")] == []


@pytest.mark.parametrize(("title", "office", "sector"), [
    ("Chinese Foreign Minister", "Foreign Minister", "GOV"),
    ("minister of foreign affairs", "Foreign Minister", "GOV"),
    ("Defense Secretary", "Defence Minister", "GOV"),
    ("prime minister", "Prime Minister", "GOV"), ("Chancellor", "Chancellor", "GOV"),
    ("king", "Monarch", "GOV"), ("spokeswoman", "Spokesperson", "GOV"),
    ("Secretary of State", "Secretary of State", "GOV"),
    ("Russian troops", "Armed Forces", "MIL"), ("soldiers", "Armed Forces", "MIL"),
    ("general", "Military Commander", "MIL"), ("police", "Police", "COP"),
    ("judge", "Judge", "JUD"), ("senator", "Legislator", "LEG"), ("MPs", "Legislator", "LEG"),
    ("rebels", "Rebels", "REB"), ("militants", "Rebels", "REB"),
    ("opposition leader", "Opposition", "OPP"), ("protesters", "Protesters", "CVL"),
    ("journalist", "Journalist", "JRN"), ("news agency", "Journalist", "JRN"),
    ("CEO", "Business", "BUS"), ("aid groups", "Aid Group", "NGO"),
    ("UN Secretary-General", "Secretary-General", "IGO"),
])
def test_office_sector(shipped, title, office, sector) -> None:
    assert shipped.office_sector(title) == (office, sector)


def test_office_sector_unknown(shipped) -> None:
    assert shipped.office_sector("banana") is None
    assert shipped.office_sector("") is None


# ----------------------------------------------------------------- validation and loading

def test_validate_finds_planted_problems() -> None:
    problems = KnowledgeBase.from_paths([FIXTURES / "planted_problems.yaml"], cache=False).validate()
    text = "\n".join(problems)
    for needle in [
        "person:overlap (Overlapping Person): roles 'Mayor of Nowhere'",
        "org:bad_country (Bad Country Org): country 'XYZ'",
        "org:bad_sector (Bad Sector Org): sector 'GOVERNMENT'",
        "org:no_source (No Source Org): no source",
        "org:dup: duplicate id",
        "warning: alias 'clash'",
        "person:backwards (Backwards Person): role 'Minister' starts 2010-01-01 after",
    ]:
        assert needle in text, needle
    assert sum(p.startswith("error") for p in problems) == 6


def test_small_fixture_validates_clean(small) -> None:
    assert [p for p in small.validate() if "ZZA" not in p] == []


@pytest.mark.parametrize(("content", "match"), [
    ("actors: [\n", "not valid YAML"),
    ("people: []\n", "must be a mapping with key 'actors:'"),
    ("actors:\n  - {id: x, kind: org}\n", "lacks name"),
    ("actors:\n  - {id: x, kind: person, name: X, source: s, roles: [{office: O, start: March}]}\n",
     "date 'March' is not YYYY-MM-DD"),
])
def test_bad_files_say_what_is_wrong(tmp_path, content, match) -> None:
    p = tmp_path / "bad.yaml"
    p.write_text(content)
    with pytest.raises(ConfigError, match=match):
        KnowledgeBase.from_paths([p], cache=False)


def test_missing_path_is_a_config_error(tmp_path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        KnowledgeBase.from_paths([tmp_path / "nope.yaml"])


def test_compiled_cache_is_used_and_keyed_by_content(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "c"))
    data = tmp_path / "one.yaml"
    data.write_text((FIXTURES / "small.yaml").read_text())
    first = KnowledgeBase.from_paths([data])
    pickles = list((tmp_path / "c" / "parley").glob("kb-*.pickle"))
    assert len(pickles) == 1
    again = KnowledgeBase.from_paths([data])
    assert [e.id for e in again.entries()] == [e.id for e in first.entries()]
    data.write_text(data.read_text().replace("Ana Kord", "Ana Korda"))
    changed = KnowledgeBase.from_paths([data])
    assert changed.lookup("Ana Korda") and not changed.lookup("Ana Kord")
    assert len(list((tmp_path / "c" / "parley").glob("kb-*.pickle"))) == 2


def test_default_is_cached_and_merges_extra(monkeypatch) -> None:
    monkeypatch.delenv("PARLEY_KB_EXTRA", raising=False)
    assert KnowledgeBase.default() is KnowledgeBase.default()
    assert KnowledgeBase.default().lookup("Freedonia") == []
    monkeypatch.setenv("PARLEY_KB_EXTRA", str(FIXTURES / "small.yaml"))
    merged = KnowledgeBase.default()
    assert merged.lookup("Freedonia")[0].entry.id == "ZZA"
    assert merged.lookup("Beijing")[0].country == "CHN"


def test_later_file_replaces_entry_with_same_id(tmp_path) -> None:
    p = tmp_path / "override.yaml"
    p.write_text("actors:\n  - {id: ZZA, kind: country, name: Freedonia Reborn, country: ZZA,"
                 " source: test}\n")
    kb = KnowledgeBase.from_paths([FIXTURES / "small.yaml", p], cache=False)
    assert kb.get("ZZA").name == "Freedonia Reborn"
    assert kb.lookup("Freedonian") == []



@pytest.mark.parametrize(("text", "date", "country", "sector"), [
    ("Juba", "2000-01-01", "SDN", None),        # a town of Sudan before 9 July 2011
    ("Juba", "2015-01-01", "SSD", "GOV"),       # then the capital of South Sudan
    ("South Sudanese", "2005-06-01", "SDN", None),
    ("Asmara", "1990-06-01", "ETH", None),      # Eritrea was part of Ethiopia until May 1993
    ("Eritrea", "1994-06-01", "ERI", None),
])
def test_a_state_that_was_part_of_another_resolves_to_it_before_independence(
        shipped, text, date, country, sector) -> None:
    hit = shipped.lookup(text, date)[0]
    assert (hit.country, hit.sector) == (country, sector)


def test_part_of_must_name_a_country_and_a_day(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - {id: ZZB, kind: country, name: Bad, country: ZZB, source: x,\n"
                   "     part_of: [{country: SDN}]}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="part_of 0 must be a mapping with 'country' and 'until'"):
        KnowledgeBase.from_paths([bad], cache=False)


# ----------------------------------------------------------------- the scanner's fast paths
@pytest.mark.parametrize("text", ["Putin", "putin", "US", "U.S.", "us", "the Kremlin", "Xi’s",
                                  "Nobody Atall", "", "Foreign Minister", "Hamas",
                                  "RF", "rf", "R.F.", "Kord", "Ana Kord"])
def test_names_agrees_with_lookup(shipped, small, text) -> None:
    for kb in (shipped, small):
        assert kb.names(text) == bool(kb.lookup(text)) == bool(kb.lookup(text, "2020-01-01"))


def test_office_sector_memo_is_the_plain_answer_and_bounded(shipped, monkeypatch) -> None:
    import parley.actors.kb as kbmod

    titles = ["Foreign Minister", "foreign ministers", "spokesman", "Prime Minister", "table",
              "Deputy Defence Minister", ""]
    plain = [shipped._office_sector(t) for t in titles]
    assert [shipped.office_sector(t) for t in titles] == plain
    assert [shipped.office_sector(t) for t in titles] == plain  # the remembered answers
    monkeypatch.setattr(kbmod, "_OFFICE_MEMO_SIZE", 3)
    more = [f"{t} {n}" for t in titles for n in ("one", "two")]
    assert [shipped.office_sector(t) for t in more] == [shipped._office_sector(t) for t in more]
    assert len(shipped._office_memo) <= 3
