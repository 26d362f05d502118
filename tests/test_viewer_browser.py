"""The offline view in headless Chromium: loads offline and clean, counts, search, clicks, escaping.

Needs Debian's chromium and chromium-driver; skipped without them, except in CI (CI=true) where
a missing browser fails the run.
"""

from __future__ import annotations

import os

import pytest
from viewer_graphs import SCRIPT_NAME, XSS_NAME, investor_graph

from benchmarks.chromium import (
    click_canvas,
    missing_browser,
    requested_urls,
    start_chromium,
    wait_until_drawn,
)
from graphkit.viewer import write_view

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def driver():
    missing = missing_browser()
    if missing:
        reason = f"browser tests need Debian chromium, chromium-driver and selenium; missing: {missing}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    browser = start_chromium()
    try:
        yield browser
    finally:
        browser.quit()


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    graph = investor_graph()
    return graph, write_view(graph, tmp_path_factory.mktemp("view") / "view.html")


@pytest.fixture
def opened(driver, page):
    graph, path = page
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(path.as_uri())
    wait_until_drawn(driver)
    driver.execute_script("graphkitView.network.stopSimulation()")
    return graph, path


def no_alert(driver) -> bool:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        driver.switch_to.alert.text  # noqa: B018 - raises when there is no alert
    except NoAlertPresentException:
        return True
    return False


def details(driver) -> str:
    return driver.execute_script("return document.getElementById('details').textContent")


def test_loads_offline_with_no_console_errors(driver, opened):
    graph, path = opened
    messages = [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
    assert messages == []
    assert requested_urls(driver) == [path.as_uri()]
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('data:'))")
    assert resources == []


def test_node_and_edge_counts_match_the_graph(driver, opened):
    graph, _ = opened
    counts = driver.execute_script("return [graphkitView.nodes.length, graphkitView.edges.length, "
                                   "document.getElementById('counts').textContent]")
    assert counts == [graph.number_of_nodes(), graph.number_of_edges(),
                      f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"]


def test_hostile_names_show_as_text(driver, opened):
    assert no_alert(driver)
    assert driver.execute_script("return document.querySelectorAll('img').length") == 0
    assert driver.execute_script("return document.scripts.length") == 3
    for name in (XSS_NAME, SCRIPT_NAME):
        search(driver, name)
        assert driver.execute_script("return document.querySelector('#details h3').textContent") == name
    assert driver.execute_script("return document.querySelectorAll('img, b').length") == 0
    assert no_alert(driver)
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def search(driver, text: str) -> str:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = driver.find_element(By.ID, "search")
    box.clear()
    box.send_keys(text, Keys.ENTER)
    return driver.find_element(By.ID, "search-status").text


def test_search_selects_and_focuses_a_node(driver, opened):
    assert search(driver, "face++") == "1 match"
    assert driver.execute_script("return graphkitView.network.getSelectedNodes()") == ["megvii"]
    assert driver.execute_script("return document.querySelector('#details h3').textContent") == "Megvii"
    assert "Face++" in details(driver)
    assert search(driver, "no such company") == "no match"
    assert search(driver, "ON") == "1 of 2 matches (Enter for the next)"  # "<img ... onerror", "Lonely Labs"
    first = driver.execute_script("return graphkitView.network.getSelectedNodes()")
    assert search(driver, "ON") == "2 of 2 matches (Enter for the next)"
    assert driver.execute_script("return graphkitView.network.getSelectedNodes()") != first


def test_click_on_a_node_shows_its_details(driver, opened):
    point = driver.execute_script(
        "var v = graphkitView.network; return v.canvasToDOM(v.getPositions(['alibaba']).alibaba)")
    click_canvas(driver, point)
    text = details(driver)
    assert "Alibaba Group Holding Ltd." in text and "Company, Investor" in text and "Alibaba" in text
    assert "$600M" in text


def edge_point(driver, source: str, target: str) -> dict:
    """The DOM point halfway along the drawn edge between two nodes."""
    return driver.execute_script("""
        var v = graphkitView.network, from = arguments[0], to = arguments[1];
        var id = graphkitView.edges.get({filter: function (e) { return e.from === from && e.to === to; }})[0].id;
        return v.canvasToDOM(v.body.edges[id].edgeType.getPoint(0.5));""", source, target)


def test_click_on_an_edge_shows_its_evidence(driver, opened):
    from selenium.webdriver.common.by import By

    click_canvas(driver, edge_point(driver, "alibaba", "megvii"))
    text = details(driver)
    assert "Alibaba led a $600m Series C in Megvii." in text and "Series C" in text
    link = driver.find_element(By.CSS_SELECTOR, "#details .source a")
    assert link.text == "Megvii raises $600m" and link.get_attribute("href") == "https://example.com/megvii"


def test_hostile_evidence_shows_as_text_and_unsafe_links_are_dropped(driver, opened):
    click_canvas(driver, edge_point(driver, "img-src-x-onerror-alert-1", "megvii"))
    text = details(driver)
    assert "<img src=y onerror=alert(4)> also invested $600m." in text and "<b>bold</b> & title" in text
    assert driver.execute_script("return document.querySelectorAll('#details a, img, b').length") == 0
    assert no_alert(driver)


def test_label_and_relation_filters_hide_things(driver, opened):
    from selenium.webdriver.common.by import By

    for box in ("#label-filters input[value='Fund']", "#label-filters input[value='Investor']",
                "#relation-filters input[value='COMPETES_WITH']"):
        driver.find_element(By.CSS_SELECTOR, box).click()
    hidden = driver.execute_script("""var v = graphkitView; v.network.redraw();
        return [v.nodes.get({filter: n => n.hidden}).map(n => n.id),
                v.network.body.edgeIndices.map(id => v.edges.get(id).from)]""")  # the edges vis draws
    # Alibaba is a Company too, so it stays; an edge goes with either end.
    assert hidden == [["img-src-x-onerror-alert-1", "evil-script-script-alert-2-script-fund"], ["alibaba"]]
    assert "(showing 4 nodes, 1 edges)" in driver.find_element(By.ID, "counts").text
    driver.find_element(By.CSS_SELECTOR, "#label-filters input[value='Investor']").click()
    assert "(showing 6 nodes, 3 edges)" in driver.find_element(By.ID, "counts").text


def test_hover_tooltip_is_text(driver, opened):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    point = driver.execute_script("""var v = graphkitView.network, id = 'img-src-x-onerror-alert-1';
        return v.canvasToDOM(v.getPositions([id])[id])""")
    canvas = driver.find_element(By.CSS_SELECTOR, "#network canvas")
    ActionChains(driver).move_to_element_with_offset(
        canvas, int(point["x"] - canvas.size["width"] / 2), int(point["y"] - canvas.size["height"] / 2)).perform()
    tooltip = driver.find_element(By.ID, "tooltip")
    WebDriverWait(driver, 5).until(lambda _: tooltip.is_displayed())
    assert tooltip.text.splitlines()[:2] == [XSS_NAME, "Investor"]
    assert driver.execute_script("return document.querySelectorAll('#tooltip *, img').length") == 0
    assert driver.execute_script(
        "return graphkitView.nodes.get().concat(graphkitView.edges.get()).every(item => !('title' in item))")
