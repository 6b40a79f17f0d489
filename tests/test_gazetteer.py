"""The user gazetteer: aliases of built-in names, points and countries, case, short keys."""

import newsframe as nf
import polars as pl
import pytest

TEXT = "Minister Shoygu met commanders at Hill 210, near the village of Zorya, said Sergei Shoigu's office."


def _ids(res: nf.Extraction, text: str) -> list:
    return res.entities.filter(pl.col("text") == text)["entity_id"].to_list()


def test_another_spelling_keeps_the_built_in_id():
    res = nf.Extractor(gazetteer={"Shoygu": ("PERSON", "Sergei Shoigu")}).extract(TEXT)
    built_in = _ids(nf.extract("Sergei Shoigu spoke."), "Sergei Shoigu")
    assert built_in and not built_in[0].startswith("user:")
    assert _ids(res, "Shoygu") == built_in
    # a name nobody knows gets a user id
    res = nf.Extractor(gazetteer={"Zorya Hill": "LOC"}).extract("Shelling near Zorya Hill.")
    assert _ids(res, "Zorya Hill") == ["user:loc:zorya-hill"]


@pytest.mark.parametrize(
    "gaz",
    [
        {"Hill 210": {"label": "LOC", "lat": 48.1, "lon": 37.2, "country": "ua"}},
        {"Hill 210": ("LOC", None, {"lat": 48.1, "lon": 37.2, "country": "UA"})},
        [("Hill 210", "LOC", None, {"lat": 48.1, "lon": 37.2, "country": "UA"})],
        pl.DataFrame({"text": ["Hill 210"], "label": ["LOC"], "lat": [48.1], "lon": [37.2], "country": ["UA"]}),
    ],
    ids=["mapping", "triple", "row", "frame"],
)
def test_a_point_and_a_country_can_be_given(gaz):
    res = nf.Extractor(gazetteer=gaz).extract(TEXT)
    hill = res.entities.filter(pl.col("text") == "Hill 210")
    assert hill.height == 1, res.entities
    assert hill.select("lat", "lon", "country").row(0) == (48.1, 37.2, "UA")


def test_case_sensitive_by_default_and_on_request_not():
    text = "Troops crossed into BLORVANIA and then into blorvania proper."
    strict = nf.Extractor(gazetteer={"Blorvania": "GPE"}).extract(text)
    assert strict.entities.filter(pl.col("text") == "blorvania").height == 0
    loose = nf.Extractor(gazetteer={"Blorvania": "GPE"}, gazetteer_case_sensitive=False).extract(text)
    assert loose.entities.filter(pl.col("text").str.to_lowercase() == "blorvania").height == 2


def test_keys_too_short_and_bad_extras_are_named():
    with pytest.raises(ValueError, match="'X'.*too short"):
        nf.Extractor(gazetteer={"X": "ORG"})
    with pytest.raises(ValueError, match="both lat and lon"):
        nf.Extractor(gazetteer={"Hill 210": {"label": "LOC", "lat": 48.1}})
    with pytest.raises(ValueError, match="alpha-2"):
        nf.Extractor(gazetteer={"Hill 210": {"label": "LOC", "country": "Ukraine"}})
    with pytest.raises(ValueError, match="unknown keys"):
        nf.Extractor(gazetteer={"Hill 210": ("LOC", None, {"height": 210})})
