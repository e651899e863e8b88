#!/usr/bin/env python3
"""Writes grains/Cabinet.Grains/People/common-passwords.txt: the passwords Cabinet refuses (NIST SP 800-63B 3.1.1.2).

Built from well-known patterns rather than a leaked list: runs of one character, digit and keyboard sequences,
the words people and breach lists reuse most (English and Vietnamese, the names of this product's roles) with the
usual suffixes, and years. Only entries of 8 characters or more are kept (shorter ones fail the length rule anyway).
Compared in lower case. Run it again after changing it: python3 tools/common-passwords.py
"""
import pathlib

words = """password passw0rd p@ssword p@ssw0rd pass pa55word admin administrator root iloveyou sunshine princess
football baseball welcome letmein monkey dragon master shadow superman batman trustno1 abc abcd abcde qwerty login
secret changeme default guest user test hello freedom whatever computer internet michael jennifer charlie jordan
starwars pokemon ninja mustang access flower hottie lovely loveme zaq1zaq1 google samsung apple microsoft windows
linux orange banana chocolate summer winter spring autumn soccer hockey killer pepper ginger cookie cheese
matkhau mk matkhaumoi anhyeuem emyeuanh yeuem yeuanh anhyeu emyeu iloveu vietnam vietnam1 hanoi saigon hochiminh
danang haiphong cantho hue ubnd ubndtinh ubndxa ubndhuyen uyban uybannhandan quantri quantrivien chutich thuky
daibieu khachmoi vanphong hopkhonggiay phonghop cuochop hoptructuyen egov congchuc chuyenvien giamdoc
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly minh anh linh huong thanh tuan hung
dung trang ngoc mai lan hoa thu ha nam long""".split()

suffixes = ["", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "!", "@", "#", "!@#", "@123",
            "#123", "123!", "123@", "01", "99", "00", "007", "111", "000", "1!", "2@"] + \
           [str(y) for y in range(1990, 2031)] + ["@" + str(y) for y in range(2015, 2031)] + \
           ["#" + str(y) for y in range(2020, 2031)]

entries = set()
for w in words:
    for s in suffixes:
        entries.add(w + s)
        if s.isdigit():
            entries.add(s + w)
    entries.add(w + w)

# one character repeated
for c in "abcdefghijklmnopqrstuvwxyz0123456789!@#$%*.":
    for n in range(8, 21):
        entries.add(c * n)

# digit runs, up and down, and repeated pairs and triples
digits = "01234567890123456789"
for start in range(10):
    for n in range(8, 13):
        entries.add(digits[start:start + n])
        entries.add(digits[start:start + n][::-1])
for a in range(10):
    for b in range(10):
        entries.add((str(a) + str(b)) * 4)
        entries.add((str(a) + str(b)) * 5)
for t in range(1000):
    triple = f"{t:03d}"
    entries.add(triple * 3)
for q in ["1234", "4321", "1122", "1212", "6969", "2580", "1357", "2468", "0000", "1111", "5678", "9876"]:
    entries.add(q * 2)
    entries.add(q * 3)

# keyboard walks
for walk in ["qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc", "qazwsxedc", "1q2w3e4r5t6y", "q1w2e3r4t5y6",
             "zaq12wsx", "!qaz2wsx", "qweasdzxc", "azertyuiop", "qwertz", "poiuytrewq", "mnbvcxz", "lkjhgfdsa",
             "1qazxsw2", "qwer1234", "asdf1234", "zxcv1234", "1234qwer", "1234asdf", "qwe123", "asd123", "zxc123",
             "abc123", "abcd1234", "a1b2c3d4", "a1b2c3d4e5", "aa123456", "a1234567", "a123456789", "123456aa",
             "123456abc", "123abc123", "abc123456", "abcdefgh", "abcdefghi", "abcdefghij", "qwe123456", "1q2w3e4r",
             "1q2w3e", "q1w2e3r4", "qwertyu", "asdfgh", "zxcvbn", "password1", "123qwe123", "qwe123qwe", "1qaz!qaz",
             "123456qwerty", "qwerty123456", "iloveyou1", "123456789a", "a12345678", "abcd@1234", "abc@1234",
             "admin@123", "admin@1234", "admin123456", "p@ssw0rd1", "passw0rd!", "12345678a", "12345678aa"]:
    for n in range(len(walk), len(walk) + 1):
        entries.add(walk)
    for s in ["", "1", "!", "123", "@"]:
        entries.add(walk + s)

# birthdays of the first day of each month, 1950-2010 (ddmmyyyy and yyyymmdd)
for y in range(1950, 2011):
    for m in range(1, 13):
        entries.add(f"01{m:02d}{y}")
        entries.add(f"{y}{m:02d}01")

kept = sorted(e for e in entries if len(e) >= 8)
target = pathlib.Path(__file__).resolve().parent.parent / "grains/Cabinet.Grains/People/common-passwords.txt"
target.write_text("\n".join(kept) + "\n", encoding="utf-8")
print(f"{len(kept)} entries -> {target}")
