"""Ways applicants spell values, written independently of the normaliser so that the
property tests compare two implementations: Chinese numerals, full-width digits, separators."""

from __future__ import annotations

from decimal import Decimal

PLAIN_DIGITS = "零一二三四五六七八九"
FINANCIAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
PLAIN_UNITS = ("", "十", "百", "千")
FINANCIAL_UNITS = ("", "拾", "佰", "仟")
FULLWIDTH = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")


def chinese(n: int, *, financial: bool = False) -> str:
    """``120`` → ``一百二十``; ``100000005`` → ``一亿零五``; financial: ``壹佰贰拾``."""
    if n == 0:
        return "零"
    groups = []
    while n:
        n, rest = divmod(n, 10_000)
        groups.append(rest)
    big = ("", "万", "亿", "万亿")
    out = ""
    need_zero = False
    for i in range(len(groups) - 1, -1, -1):
        group = groups[i]
        if group == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or group < 1000):
            out += "零"
        out += _group(group, financial) + big[i]
        need_zero = False
    if not financial and out.startswith("一十"):
        out = out[1:]  # 十二, not 一十二
    return out


def _group(n: int, financial: bool) -> str:
    digits = FINANCIAL_DIGITS if financial else PLAIN_DIGITS
    units = FINANCIAL_UNITS if financial else PLAIN_UNITS
    out, zero = "", False
    for power in (3, 2, 1, 0):
        d = n // 10**power % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += digits[0]
        out += digits[d] + units[power]
        zero = False
    return out


def chinese_digits(n: int) -> str:
    """Digit by digit, as years are written: ``2006`` → ``二〇〇六``."""
    return "".join("〇一二三四五六七八九"[int(c)] for c in str(n))


def plain(number: Decimal) -> str:
    """A decimal without exponent or trailing zeros: ``Decimal('5E+2')`` → ``500``."""
    text = format(number.normalize(), "f")
    return text


def grouped(number: Decimal) -> str:
    """With thousands separators: ``1234.5`` → ``1,234.5``."""
    whole, _, frac = plain(number).partition(".")
    return f"{int(whole):,}" + (f".{frac}" if frac else "")


def fullwidth(text: str) -> str:
    return text.translate(FULLWIDTH)
