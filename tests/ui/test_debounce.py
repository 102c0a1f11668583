"""The preview's wait after an edit: short after a pause, the typist's rhythm during a burst."""

from hypothesis import given
from hypothesis import strategies as st

from bulletin_studio.ui.debounce import MAX_MS, MIN_MS, AdaptiveDebounce


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_keystroke_after_a_pause_renders_at_once_a_burst_waits_for_its_end() -> None:
    clock = Clock()
    debounce = AdaptiveDebounce(clock)
    assert debounce.after_edit() == MIN_MS  # nothing known yet
    debounce.rendered(0.3)
    clock.now += 2.0
    assert debounce.after_edit() == MIN_MS  # an input method's word after a pause
    clock.now += 0.1
    assert debounce.after_edit() == 150  # typing faster than a render: 1.5 × the rhythm
    clock.now += 0.29
    assert debounce.after_edit() == MAX_MS  # never longer than the cap
    clock.now += 0.31
    assert debounce.after_edit() == MIN_MS  # slower than a render takes: no wait


@given(st.lists(st.tuples(st.floats(0, 5), st.one_of(st.none(), st.floats(0.001, 5))), max_size=40))
def test_the_wait_stays_between_its_bounds(steps: list[tuple[float, float | None]]) -> None:
    clock = Clock()
    debounce = AdaptiveDebounce(clock)
    for gap, render in steps:
        clock.now += gap
        assert MIN_MS <= debounce.after_edit() <= MAX_MS
        if render is not None:
            debounce.rendered(render)
