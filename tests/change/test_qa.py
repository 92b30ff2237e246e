from __future__ import annotations

import pytest

from penata.change.errors import ChangeError
from penata.change.models import Question
from penata.change.selectors import question_views
from penata.change.services import question_answer, question_ask, question_merge
from penata.core.errors import ApplicationError, NotFound
from tests.change.conftest import publish


def test_ask_answer_and_faq(city, clock):
    announcement = publish(city)
    q = question_ask(actor=city.staff_y[0].user, announcement=announcement,
                     text="Kapan SK penempatan baru terbit?")  # fmt: skip
    clock.advance(days=4)
    views = question_views(city.kadis.user, announcement)
    assert [(v.asker, v.age_days, v.age_level) for v in views] == [("Pegawai Y0", 4, "waiting")]
    question_answer(actor=city.kadis.user, question=q, answer="SK terbit pekan depan.")
    q.refresh_from_db()
    assert (q.answer, q.answered_by, q.answered_at) == (
        "SK terbit pekan depan.", city.kadis.user, clock.now,
    )  # fmt: skip
    view = question_views(city.staff_x[0].user, announcement)[0]
    assert (view.answer, view.age_days) == ("SK terbit pekan depan.", 4)


def test_anonymous_question_is_named_only_to_admin(city):
    announcement = publish(city)
    question_ask(actor=city.staff_y[2].user, announcement=announcement,
                 text="Apakah saya pindah ruangan?", is_anonymous=True)  # fmt: skip
    for actor in (city.kadis.user, city.analyst, city.auditor, city.staff_x[0].user):
        assert [v.asker for v in question_views(actor, announcement)] == [None]
    assert [v.asker for v in question_views(city.admin, announcement)] == ["Pegawai Y2"]
    assert question_views(city.staff_y[2].user, announcement)[0].is_mine


def test_outsiders_cannot_ask_or_answer(city):
    announcement = publish(city, target_unit=city.bx)
    with pytest.raises(ApplicationError) as caught:
        question_ask(actor=city.guru.user, announcement=announcement, text="Bagaimana saya?")
    assert caught.value.code == ChangeError.NOT_RECIPIENT
    q = question_ask(actor=city.staff_x[0].user, announcement=announcement, text="Pertanyaan?")
    with pytest.raises(NotFound):
        question_answer(actor=city.head_disdik, question=q, answer="Jawaban saya.")
    with pytest.raises(NotFound):
        question_answer(actor=city.staff_x[1].user, question=q, answer="Jawaban saya.")
    q.refresh_from_db()
    assert (q.answer, q.answered_at) == ("", None)


def test_merge_duplicates(city):
    announcement = publish(city)
    first = question_ask(actor=city.staff_y[0].user, announcement=announcement,
                         text="Apakah tunjangan berubah?")  # fmt: skip
    second = question_ask(actor=city.staff_y[1].user, announcement=announcement,
                          text="Tunjangan kinerja tetap?")  # fmt: skip
    third = question_ask(actor=city.staff_x[0].user, announcement=announcement,
                         text="TPP berubah tidak?")  # fmt: skip
    question_merge(actor=city.admin, question=third, into=second)
    question_merge(actor=city.admin, question=second, into=first)
    assert dict(Question.objects.values_list("pk", "duplicate_of")) == {
        first.pk: None, second.pk: first.pk, third.pk: first.pk,
    }  # fmt: skip
    with pytest.raises(ApplicationError) as caught:
        question_merge(actor=city.admin, question=first, into=second)
    assert caught.value.code == ChangeError.MERGE_INVALID
    assert Question.objects.get(pk=first.pk).duplicate_of is None


def test_question_text_is_validated(city):
    announcement = publish(city)
    with pytest.raises(ApplicationError) as caught:
        question_ask(actor=city.staff_y[0].user, announcement=announcement, text="  ?  ")
    assert caught.value.code == ChangeError.INVALID
    assert not Question.objects.exists()
