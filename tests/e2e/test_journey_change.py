"""Journey: the admin publishes an announcement, an affected employee acknowledges it and
asks a question, the admin answers, and the acknowledgement dashboard shows the change."""

from __future__ import annotations

import pytest

from tests.change.conftest import build_city
from tests.e2e.conftest import login, screenshot

PASSWORD = "rahasia-uji-123"


@pytest.mark.e2e
def test_publish_acknowledge_ask_answer(page, live_server, transactional_db):
    city = build_city()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    login(page, live_server, "admin", PASSWORD)
    page.goto(f"{live_server.url}/perubahan/kelola/baru/")
    page.locator("#id_title").fill("Bidang Pelayanan pindah gedung")
    page.locator("#id_body").fill("Mulai **Senin** Bidang Pelayanan bekerja di gedung B.")
    page.locator("#id_target_unit").select_option(str(city.bx.pk))
    with page.expect_navigation():
        page.get_by_role("button", name="Simpan draf").click()
    assert "Draf ini akan dikirim ke 3 pegawai." in page.content()
    with page.expect_navigation():
        page.get_by_role("button", name="Terbitkan").click()
    assert page.get_by_test_id("recipients").inner_text() == "3"
    assert page.get_by_test_id("acknowledged").inner_text() == "0"
    dashboard = page.url

    page.context.clear_cookies()
    login(page, live_server, "sx0", PASSWORD)
    feed = page.get_by_test_id("change-feed")
    feed.get_by_role("link", name="Bidang Pelayanan pindah gedung").click()
    page.get_by_role("button", name="Saya sudah membaca dan memahami").click()
    page.get_by_text("Anda mengonfirmasi pada").wait_for()
    page.locator("#question-text").fill("Apakah ada tempat parkir di gedung B?")
    page.locator("#question-anon").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Kirim pertanyaan").click()
    assert "Pertanyaan Anda sudah terkirim." in page.content()

    page.context.clear_cookies()
    login(page, live_server, "admin", PASSWORD)
    page.goto(dashboard)
    assert page.get_by_test_id("acknowledged").inner_text() == "1"
    page.get_by_role("link", name="Lihat pengumuman dan tanya jawab").click()
    question = page.get_by_test_id("open-question")
    assert "Pegawai X0" in question.inner_text()  # admin sees the anonymous asker
    question.locator("textarea").fill("Ya, parkir di basement gedung B.")
    with page.expect_navigation():
        question.get_by_role("button", name="Kirim jawaban").click()
    assert "Ya, parkir di basement gedung B." in page.get_by_test_id("faq-item").inner_text()
    screenshot(page, "change-journey-faq")
    assert errors == []
