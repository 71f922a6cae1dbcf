from datetime import date

from ruydad.extract import extract


def test_isaf_release_event(isaf_rows):
    found = extract(isaf_rows[0]["text"])
    assert found.document.published == date(2013, 1, 25)
    assert len(found.events) == 1
    event = found.events[0]
    assert (event.date, event.date_precision) == (date(2013, 1, 24), "day")
    assert (event.admin1_code, event.admin2, event.fatalities) == ("AF-GHA", "Andar", 1)
    assert event.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")


def test_detentions_are_counted_with_conjuncts():
    found = extract("KABUL, Afghanistan (June 25, 2011)\nIn Panjwa'i district, Kandahar province, a security force "
                    "captured a Taliban leader and several associates during an operation yesterday.")
    assert [e.detained for e in found.events] == [4]
    assert found.events[0].admin1_code == "AF-KAN"


def test_additional_detentions_add_up():
    found = extract("KABUL, Afghanistan (Oct. 9, 2012)\nAn Afghan and coalition security force arrested a Taliban "
                    "leader in Nangarhar province, Saturday. The security force also detained two suspected "
                    "insurgents as a result of the operation.")
    assert sum(e.detained or 0 for e in found.events) == 3
    assert found.events[0].date == date(2012, 10, 6)


def test_background_attacks_are_not_events():
    found = extract("KABUL, Afghanistan (Jan. 5, 2012)\nThe leader is responsible for attacks that killed four "
                    "soldiers. He is suspected of planning to attack a convoy.")
    assert found.events == []


def test_dateline_place_is_not_the_event_place():
    found = extract("KABUL, Afghanistan (Feb. 1, 2011)\nIn Watahpur district, Kunar province, coalition forces "
                    "engaged the enemy position, killing one insurgent.")
    assert [e.admin1_code for e in found.events] == ["AF-KNR"]
    assert found.events[0].fatalities == 1


def test_dated_event_in_a_news_article(article):
    strike = [e for e in article.events if e.date == date(2022, 7, 21)]
    assert strike and strike[0].admin1_code == "AF-KAB"
    assert strike[0].event_type == "Explosions/Remote violence"


def test_left_dead_counts_fatalities():
    found = extract("Gun attacks near the city have left seven people dead.", published="2021-06-01")
    assert [e.fatalities for e in found.events] == [7]


def test_negated_harm_is_not_an_event():
    found = extract("No civilians were injured during the operation on Tuesday.", published="2011-02-01")
    assert found.events == []


def test_event_history_is_not_reported_as_new():
    found = extract("KABUL, Afghanistan (June 30, 2011)\nWardak was assassinated in an attack in September 2008.")
    assert found.events == []


AP_STORY = ("MOGADISHU, Somalia (AP) — Al-Shabab militants attacked a military base in southern Somalia on Tuesday, "
            "killing at least 12 soldiers, officials said.\nPolice arrested three suspects on Wednesday, according to "
            "the regional government, which said more than 40 people had been killed in similar attacks since "
            "January.")


def test_wire_story_outside_the_theatre():
    found = extract(AP_STORY, published="2023-03-16")
    assert [(e.date, e.actor1, e.fatalities, e.detained) for e in found.events] == [
        (date(2023, 3, 14), "Al Shabab", 12, None), (date(2023, 3, 15), "Police", None, 3)]
    assert [p.country_code for p in found.places] == ["SOM"]


def test_a_trend_since_a_date_is_a_statistic_not_an_event():
    found = extract(AP_STORY, published="2023-03-16")
    trend = next(s for s in found.statistics if s.value == 40)
    assert (trend.qualifier, trend.period_start, trend.period_end) == ("over", date(2023, 1, 1), date(2023, 3, 16))
