from index.numbers import splits, to_decimal, tokens


def row_sum_ok(parts):
    return len(parts) < 7 or sum(p.value for p in parts[:6]) == parts[6].value


def test_only_one_split_satisfies_the_row_total():
    got = splits(tokens("713000074"), 7, row_sum_ok)
    assert [[p.text for p in c] for c in got] == [["71", "3", "0", "0", "0", "0", "74"]]


def test_no_leading_zeros_and_spaces_kept_as_boundaries():
    got = splits(tokens("230 000023"), 7, row_sum_ok)
    assert [[p.text for p in c] for c in got] == [["23", "0", "0", "0", "0", "0", "23"]]


def test_unconstrained_split_lists_every_reading():
    got = splits(tokens("5845546"), 3)
    readings = {tuple(p.text for p in c) for c in got}
    assert ("58", "45", "546") in readings and ("5", "845", "546") in readings
    assert all(not t.startswith("0") or t == "0" for r in readings for t in r)


def test_decimal_stays_with_the_last_number_and_offsets_are_exact():
    text = "采购13575394432.52元"
    got = splits(tokens(text), 2)
    assert ("135", "75394432.52") in {tuple(p.text for p in c) for c in got}
    c = next(c for c in got if c[0].text == "135")
    assert text[c[1].start:c[1].end] == "75394432.52"


def test_too_few_digits_give_no_reading():
    assert splits(tokens("12"), 7) == []


def test_to_decimal():
    assert to_decimal("3,985,758") == 3985758
    assert to_decimal("+17") == 17
