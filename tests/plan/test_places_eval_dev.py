"""City lookup on the real invitations of eval-dev (read at run time, never copied)."""

from __future__ import annotations

import json

from conftest import EVAL_DEV

from sopan.language.places import find_place_in


def test_locations_of_real_invitations() -> None:
    found: dict[str, str | None] = {}
    for label_path in sorted((EVAL_DEV / "invitations").glob("*.json")):
        location = json.loads(label_path.read_text("utf-8")).get("location")
        if location:
            # a list label names every right way to say the place: the first is the fullest
            place = find_place_in(location[0] if isinstance(location, list) else location)
            found[label_path.stem] = place.name if place else None
    assert len(found) >= 5
    # The one Indonesian address with a city names Surabaya; foreign or partial
    # addresses must come back unknown rather than matched to a wrong city.
    assert found["id_chaakra_consulting_whatsapp_sabtu_31_oktober"] == "Surabaya"
    assert found["en_bestexamples_safeway"] is None
    assert found["en_ng_bgm_consulting_email_8am"] is None
    assert found["id_undangan_jl_kirangga"] is None
    assert found["en_vantage_sales_executive"] is None
