from backend.core.lang import preferred_language


def test_accept_language():
    assert preferred_language(None) == "nl"
    assert preferred_language("en") == "en"
    assert preferred_language("en-GB,en;q=0.9,nl;q=0.8") == "en"
    assert preferred_language("nl-NL,nl;q=0.9,en;q=0.8") == "nl"
    assert preferred_language("de,en;q=0.5") == "en"
    assert preferred_language("fr") == "nl"
    assert preferred_language("en;q=0.2,nl;q=0.9") == "nl"
    assert preferred_language("en;q=abc") == "nl"
