#!/usr/bin/env bash
# End-to-end test of `proceedings notify`: the emails for the papers that
# failed a check, written as .eml and sent to a real SMTP server on
# 127.0.0.1 (aiosmtpd) that refuses one recipient; the received messages
# are read back with Python's email parser.
# usage: notify.sh PROCEEDINGS SOURCE_DIR BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=$1 src=$2 build=$3
fx=$build/fixtures

# a venue whose papers are two failing fixtures, with their authors' emails
venue=$scratch/venue
mkdir -p "$venue" "$scratch/papers"
# ExHetAI'25's workshop record without its program (which names the real papers)
sed '/^program:/,$d' "$src/metadata/exhetai-2025/workshop.yaml" > "$venue/workshop.yaml"
# the venue's contact: From and Reply-To of its notices (issue 27 item 6)
printf '\ncontact: {name: ExHetAI chairs, email: chairs@exhetai.example.org}\n' >> "$venue/workshop.yaml"
cat > "$venue/papers.yaml" <<'YAML'
papers:
  - id: geometry
    title: "A Paper With Wider Margins"
    authors:
      - {name: Zoë Ångström, email: zoe@example.org}
      - {name: Bruno Keller, email: gone@example.org}
  - id: body7
    title: "A Paper One Page Too Long"
    authors:
      - {name: Chiara Rossi, email: chiara@example.org}
      - {name: Dan Wu}
      - {name: Eve Moss}
YAML
cp "$fx/geometry.pdf" "$fx/body7.pdf" "$fx/body5.pdf" "$scratch/papers/"
"$bin" check --json --venue "$venue" --annotate "$scratch/annotated" "$scratch/papers" > "$scratch/check.json"
[ $? -eq 1 ] && ok || bad "check of the batch fails"

# without --send: .eml files only
expect_exit 0 "notify writes emails" -- "$bin" notify --venue "$venue" --results "$scratch/check.json" \
  --annotated "$scratch/annotated" --out "$scratch/mails"
[ -f "$scratch/mails/mail/geometry.eml" ] && [ -f "$scratch/mails/mail/body7.eml" ] && [ ! -e "$scratch/mails/mail/body5.eml" ] &&
  ok || bad "one .eml per failing paper: $(ls "$scratch/mails/mail")"
/usr/bin/python3 - "$scratch/mails/mail/geometry.eml" > "$scratch/parsed.txt" 2>&1 <<'PY' && ok || bad "the .eml parses as MIME: $(cat "$scratch/parsed.txt")"
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
assert m["To"].addresses[0].addr_spec == "zoe@example.org", m["To"]
assert "A Paper With Wider Margins" in str(m["Subject"]), m["Subject"]
body = m.get_body(preferencelist=("plain",)).get_content()
assert "The page margins were changed" in body and "Dear Zoë Ångström and Bruno Keller" in body, body
assert m["Reply-To"].addresses[0].addr_spec == "chairs@exhetai.example.org", m["Reply-To"]
pdf = [p for p in m.iter_attachments() if p.get_content_type() == "application/pdf"]
assert len(pdf) == 1 and pdf[0].get_content()[:5] == b"%PDF-", "annotated PDF attached"
PY
# three authors: the greeting lists them with the serial comma, as the book and the booklet do (issue 26 item 8)
/usr/bin/python3 - "$scratch/mails/mail/body7.eml" > "$scratch/parsed-body7.txt" 2>&1 <<'PY' && ok || bad "greeting: $(cat "$scratch/parsed-body7.txt")"
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
body = m.get_body(preferencelist=("plain",)).get_content()
assert "Dear Chiara Rossi, Dan Wu, and Eve Moss," in body, body[:200]
PY
expect_exit 2 "--send without a server" -- env -u PROCEEDINGS_SMTP_URL PROCEEDINGS_MAIL_FROM=chairs@example.org \
  "$bin" notify --venue "$venue" --results "$scratch/check.json" --out "$scratch/mails" --send
expect_text "$scratch/err" "PROCEEDINGS_SMTP_URL" "the missing setting is named"

# start_sink DIR [SINK OPTIONS] [-- REFUSED...]: a real SMTP server on 127.0.0.1
# (tests/e2e/smtp_sink.py) that writes what it receives to DIR; its port in $port
start_sink() {
  local dir=$1 options=() refused=(); shift
  while [ $# -gt 0 ] && [ "$1" != -- ]; do options+=("$1"); shift; done
  [ $# -gt 0 ] && { shift; refused=("$@"); }
  mkdir -p "$dir"
  /usr/bin/python3 "$src/tests/e2e/smtp_sink.py" "${options[@]}" "$dir" "$dir.port" "${refused[@]}" 2> "$dir.err" &
  cleanup_hooks+=("kill $! 2>/dev/null")
  for _ in $(seq 300); do [ -s "$dir.port" ] && break; sleep 0.1; done  # up to 30 s on a loaded machine
  port=$(cat "$dir.port" 2>/dev/null)
  [ -n "$port" ] && ok || bad "the SMTP server did not start: $(cat "$dir.err")"
}

# a server that refuses gone@example.org
start_sink "$scratch/received" -- gone@example.org
PROCEEDINGS_SMTP_URL="smtp://127.0.0.1:$port" PROCEEDINGS_MAIL_FROM="ExHetAI chairs <chairs@example.org>" \
  "$bin" notify --venue "$venue" --results "$scratch/check.json" --annotated "$scratch/annotated" \
  --out "$scratch/sent" --send > "$scratch/out" 2> "$scratch/err"
[ $? -eq 1 ] && ok || bad "a refused recipient makes the exit status 1"
expect_text "$scratch/out" "gone@example.org>: refused" "the refused recipient is named"
expect_text "$scratch/out" "zoe@example.org>: sent" "the others are sent"
[ "$(cat "$scratch"/received/[0-9]*.rcpt | sort | tr '\n' ' ')" = "chiara@example.org zoe@example.org " ] && ok ||
  bad "received recipients: $(cat "$scratch"/received/[0-9]*.rcpt 2>/dev/null | tr '\n' ' ')"
/usr/bin/python3 - "$scratch/received" > "$scratch/parsed2.txt" 2>&1 <<'PY' && ok || bad "received messages: $(cat "$scratch/parsed2.txt")"
import email, email.policy, glob, sys
subjects = []
for f in sorted(glob.glob(sys.argv[1] + "/*.eml")):
    m = email.message_from_binary_file(open(f, "rb"), policy=email.policy.default)
    subjects.append(str(m["Subject"]))
    assert m["From"].addresses[0].addr_spec == "chairs@example.org"
    assert any(p.get_content_type() == "application/pdf" for p in m.iter_attachments())
assert sorted(subjects) == ["[ExHetAI'25] Your camera-ready paper needs changes: A Paper One Page Too Long",
                            "[ExHetAI'25] Your camera-ready paper needs changes: A Paper With Wider Margins"], subjects
PY

# --- issue 24 item 6: headers made by a MIME library, addresses checked before RCPT TO
# venue_with PAPERS_YAML: a venue whose papers.yaml is that text; prints its folder
venue_with() {
  local dir; dir=$(mktemp -d "$scratch/venue.XXXX")
  cp "$venue/workshop.yaml" "$dir/" && printf '%s\n' "$1" > "$dir/papers.yaml" && echo "$dir"
}
# these venues hold paper geometry only: its result alone (another failing upload would be skipped, exit status 1)
jq '{papers: [.papers[] | select(.file | endswith("/geometry.pdf"))]}' "$scratch/check.json" > "$scratch/check-geometry.json"
send_to() {  # send_to VENUE OUT [FLAG...]: notify --send to the server on $port
  local v=$1 out=$2; shift 2
  PROCEEDINGS_SMTP_URL="smtp://127.0.0.1:$port" PROCEEDINGS_MAIL_FROM="ExHetAI chairs <chairs@example.org>" \
    "$bin" notify --venue "$v" --results "$scratch/check-geometry.json" --annotated "$scratch/annotated" --out "$out" --send "$@"
}

# a comma, angle brackets and accents in names: each author stays one quoted mailbox
names=$(venue_with 'papers:
  - id: geometry
    title: "Über die Größe der Ränder: eine sehr lange Überschrift über Seitenränder, Schriftgrade und Kopfzeilen"
    authors:
      - {name: "Wang, Tianyu", email: wang@example.org}
      - {name: "Xulong <x@evil.example>", email: xu@example.org}
      - {name: "Zoë Ångström-Łukasiewicz-Søndergaard-Þórsdóttir-Nguyễn", email: zoe@example.org}')
start_sink "$scratch/names"
expect_exit 0 "notify sends to authors with a comma, brackets and accents in their names" -- send_to "$names" "$scratch/names-out"
[ "$(sort "$scratch/names/rcpt.log" | tr '\n' ' ')" = "wang@example.org xu@example.org zoe@example.org " ] && ok ||
  bad "RCPT TO names exactly the authors' addresses: $(tr '\n' ' ' < "$scratch/names/rcpt.log" 2>/dev/null)"
/usr/bin/python3 - "$scratch/names/001.eml" "$scratch/names-out/mail/geometry.eml" > "$scratch/parsed3.txt" 2>&1 <<'PY' && ok || bad "headers: $(cat "$scratch/parsed3.txt")"
import email, email.policy, email.utils, re, sys
from email.header import decode_header, make_header
for f in sys.argv[1:]:
    raw = open(f, "rb").read()
    m = email.message_from_bytes(raw, policy=email.policy.default)
    assert [a.addr_spec for a in m["To"].addresses] == ["wang@example.org", "xu@example.org", "zoe@example.org"], m["To"]
    # Python 3.11's default policy keeps the space between two encoded-words in a
    # display name (RFC 2047 6.2 says to drop it); decode_header follows the RFC.
    old = email.message_from_bytes(raw, policy=email.policy.compat32)
    to = [(str(make_header(decode_header(name))), address) for name, address in email.utils.getaddresses(old.get_all("To"))]
    assert to == [("Wang, Tianyu", "wang@example.org"), ("Xulong <x@evil.example>", "xu@example.org"),
                  ("Zoë Ångström-Łukasiewicz-Søndergaard-Þórsdóttir-Nguyễn", "zoe@example.org")], to
    assert len(m.get_all("To")) == 1 and m["Bcc"] is None and m["Cc"] is None, m.keys()
    assert str(m["Subject"]) == ("[ExHetAI'25] Your camera-ready paper needs changes: Über die Größe der Ränder: "
                                 "eine sehr lange Überschrift über Seitenränder, Schriftgrade und Kopfzeilen"), m["Subject"]
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")  # headers are 7-bit
    words = re.findall(r"=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=", head)
    assert words and max(map(len, words)) <= 75, [w for w in words if len(w) > 75] or "no encoded-word"
    assert all(len(line) <= 78 for line in head.split("\r\n")), "header lines fold at 78"
    sender = m["From"].addresses[0]
    assert (sender.display_name, sender.addr_spec) == ("ExHetAI chairs", "chairs@example.org"), m["From"]
PY

# a header or a command smuggled in a name or an email is refused before anything is written or sent
start_sink "$scratch/smuggled"
injection=0
for author in '{name: "Eve\r\nBcc: victim@example.com", email: eve@example.org}' \
              '{name: Eve, email: "eve@example.org>\r\nRCPT TO:<victim@example.com"}' \
              '{name: Eve, email: "eve@example.org\nRCPT TO:<victim@example.com>"}' \
              '{name: "Eve\u0000Bcc: victim@example.com", email: eve@example.org}' \
              '{name: Eve, email: "eve@example.org, victim@example.com"}' \
              '{name: Eve, email: "Victim <victim@example.com>"}'; do
  injection=$((injection + 1))
  v=$(venue_with "papers:
  - id: geometry
    title: A Paper With Wider Margins
    authors:
      - {name: Zoë Ångström, email: zoe@example.org}
      - $author")
  expect_exit 2 "an author $author is refused" -- send_to "$v" "$scratch/smuggled-out$injection"
  expect_text "$scratch/err" "papers.yaml" "the error names papers.yaml ($author)"
  [ "$(wc -l < "$scratch/err")" -le 1 ] && ! grep -q $'\r' "$scratch/err" && ok ||
    bad "one line without the smuggled CR: $(cat -A "$scratch/err")"
  [ ! -e "$scratch/smuggled-out$injection/mail/geometry.eml" ] && ok || bad "no .eml written for $author"
done
! grep -qi victim "$scratch/smuggled/rcpt.log" 2>/dev/null && ! grep -qi victim "$scratch/smuggled"/*.eml 2>/dev/null && ok ||
  bad "the victim reached the server: $(tr '\n' ' ' < "$scratch/smuggled/rcpt.log" 2>/dev/null)"

# SMTP credentials go over TLS only, unless the chair passes --insecure-smtp-auth
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$scratch/key.pem" -out "$scratch/cert.pem" -days 2 \
  -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2> "$scratch/openssl.err" && ok || bad "openssl: $(cat "$scratch/openssl.err")"
start_sink "$scratch/auth" --tls "$scratch/cert.pem" "$scratch/key.pem" --auth chair:s3cret
export PROCEEDINGS_SMTP_USER=chair PROCEEDINGS_SMTP_PASSWORD=s3cret
expect_exit 2 "credentials over smtp:// without STARTTLS are refused" -- send_to "$names" "$scratch/auth-refused"
expect_text "$scratch/err" "--insecure-smtp-auth" "the refusal names the flag"
expect_text "$scratch/err" "PROCEEDINGS_SMTP_STARTTLS" "the refusal names STARTTLS"
expect_exit 2 "a login in the URL without TLS is refused" -- env -u PROCEEDINGS_SMTP_USER \
  PROCEEDINGS_SMTP_URL="smtp://chair:s3cret@127.0.0.1:$port" PROCEEDINGS_MAIL_FROM=chairs@example.org \
  "$bin" notify --venue "$names" --results "$scratch/check.json" --out "$scratch/auth-url" --send
expect_text "$scratch/err" "PROCEEDINGS_SMTP_URL: has a login in it but the connection is not encrypted" "the URL's login is named"
! grep -q s3cret "$scratch/err" && ok || bad "the error does not show the password: $(cat "$scratch/err")"
[ ! -e "$scratch/auth/rcpt.log" ] && ok || bad "nothing reached the server without TLS"
export PROCEEDINGS_SMTP_STARTTLS=1 PROCEEDINGS_SMTP_CA_FILE="$scratch/cert.pem"
expect_exit 0 "STARTTLS with credentials and the server's certificate" -- send_to "$names" "$scratch/auth-tls" --resend
[ "$(sort -u "$scratch"/auth/*.session 2>/dev/null)" = "tls=yes auth=chair" ] && ok ||
  bad "the server saw TLS and the login: $(cat "$scratch"/auth/*.session 2>/dev/null)"
mkdir "$scratch/auth/tls" && mv "$scratch"/auth/*.session "$scratch/auth/tls/"
unset PROCEEDINGS_SMTP_STARTTLS PROCEEDINGS_SMTP_CA_FILE
expect_exit 0 "--insecure-smtp-auth sends the credentials in clear text" -- send_to "$names" "$scratch/auth-clear" --insecure-smtp-auth --resend
[ "$(sort -u "$scratch"/auth/*.session 2>/dev/null)" = "tls=no auth=chair" ] && ok ||
  bad "the server saw the login without TLS: $(cat "$scratch"/auth/*.session 2>/dev/null)"
unset PROCEEDINGS_SMTP_USER PROCEEDINGS_SMTP_PASSWORD
"$bin" notify --help > "$scratch/help" 2>&1
expect_text "$scratch/help" "--insecure-smtp-auth" "--help documents the flag"

# --- issue 27 item 6: notices authors can act on, from the venue, once per address, once per verdict
season=$scratch/season
mkdir -p "$season/venue" "$season/uploads"
sed '/^program:/,$d' "$src/metadata/exhetai-2025/workshop.yaml" > "$season/venue/workshop.yaml"  # no contact yet
cat > "$season/venue/papers.yaml" <<'YAML'
papers:
  - id: geometry
    title: "A Paper With Wider Margins"
    submission: hotcrp:12
    authors:
      - {name: Zoë Ångström, email: zoe@example.org}
      - {name: Chiara Rossi, email: chiara@example.org}
  - id: body7
    title: "A Paper One Page Too Long"
    authors:
      - {name: Chiara Rossi, email: chiara@example.org}
  - id: broken
    title: "A Paper Whose Upload Was Cut Short"
    authors:
      - {name: Dan Wu, email: dan@example.org}
YAML
# HotCRP names final versions <prefix>final<N>.pdf: the matcher takes it for paper geometry (submission 12)
cp "$fx/geometry.pdf" "$season/uploads/exhetai25-final12.pdf"
cp "$fx/body7.pdf" "$season/uploads/body7.pdf"
cp "$fx/truncated.pdf" "$season/uploads/broken.pdf"
"$bin" check --json --venue "$season/venue" --annotate "$season/annotated" "$season/uploads" > "$season/check.json"
season_notify() {  # season_notify OUT [FLAG...]: notify the season venue, sending to the server on $port
  local out=$1; shift
  PROCEEDINGS_SMTP_URL="smtp://127.0.0.1:$port" "$bin" notify --venue "$season/venue" --results "$season/check.json" \
    --annotated "$season/annotated" --out "$out" "$@"
}

# no contact: a clear error naming the field, nothing written
expect_exit 2 "a venue without contact: is refused" -- season_notify "$season/no-contact"
expect_text "$scratch/err" "workshop.yaml: has no 'contact:'" "the missing contact is named"
[ ! -e "$season/no-contact/mail" ] && ok || bad "a message was written without a contact"
printf '\ncontact: {name: "ExHetAI proceedings chairs", email: proceedings@exhetai.example.org}\n' >> "$season/venue/workshop.yaml"

# a dry run by default: messages written, nothing sent, nothing logged
start_sink "$scratch/season-sink"
expect_exit 0 "the dry run" -- season_notify "$season/dry"
expect_text "$scratch/out" "a dry run: nothing was sent" "the dry run says so"
expect_text "$scratch/out" "exhetai25-final12.pdf: paper geometry (by submission number 12)" "the upload is taken for its paper, and how"
[ ! -e "$scratch/season-sink/rcpt.log" ] && [ ! -e "$season/venue/.proceedings/sent.jsonl" ] && ok || bad "the dry run sent or logged"
# one message per address: Chiara (geometry and body7) gets one covering both, Zoë one for geometry, Dan one for broken
ls "$season/dry/mail" | sort | tr '\n' ' ' > "$season/dry.list"
[ "$(cat "$season/dry.list")" = "body7+geometry.eml broken.eml geometry.eml " ] && ok || bad "messages: $(cat "$season/dry.list")"

expect_exit 0 "notify --send" -- season_notify "$season/first" --send
[ "$(sort "$scratch/season-sink/rcpt.log" | tr '\n' ' ')" = "chiara@example.org dan@example.org zoe@example.org " ] && ok ||
  bad "each address once: $(tr '\n' ' ' < "$scratch/season-sink/rcpt.log")"
/usr/bin/python3 - "$scratch/season-sink" > "$season/parsed.txt" 2>&1 <<'PY' && ok || bad "the notices: $(cat "$season/parsed.txt")"
import email, email.policy, glob, sys
by_to = {}
for f in sorted(glob.glob(sys.argv[1] + "/*.eml")):
    raw = open(f, "rb").read()
    assert b".invalid" not in raw, "a .invalid address or Message-ID"
    m = email.message_from_bytes(raw, policy=email.policy.default)
    assert m["From"].addresses[0].addr_spec == "proceedings@exhetai.example.org", m["From"]
    assert m["Reply-To"].addresses[0].addr_spec == "proceedings@exhetai.example.org", m["Reply-To"]
    by_to[tuple(a.addr_spec for a in m["To"].addresses)] = (str(m["Subject"]), m.get_body(preferencelist=("plain",)).get_content(), m)
chiara = by_to[("chiara@example.org",)]
assert "Your 2 camera-ready papers" in chiara[0], chiara[0]
assert "A Paper With Wider Margins" in chiara[1] and "A Paper One Page Too Long" in chiara[1], chiara[1]
# plain words with page and line, no geometry
assert "page 7: the references start at line " in chiara[1] and "after the 6-page limit" in chiara[1], chiara[1]
assert "The page margins were changed" in chiara[1] and "\\geometry" in chiara[1], chiara[1]
for _, body, _ in by_to.values():
    assert "x=" not in body and "y=" not in body and "pt wide" not in body, body
assert len([p for p in chiara[2].iter_attachments() if p.get_content_type() == "application/pdf"]) == 2
zoe = by_to[("zoe@example.org",)]
assert "Dear Zoë Ångström," in zoe[1] and "A Paper One Page Too Long" not in zoe[1], zoe[1]
dan = by_to[("dan@example.org",)]
assert "We could not read your camera-ready paper" in dan[0], dan[0]
assert "We could not open the PDF you uploaded (truncated PDF" in dan[1], dan[1]
PY
# one line per paper and message: geometry went to Chiara (with body7) and to Zoë
[ "$(jq -r .paper "$season/venue/.proceedings/sent.jsonl" | sort | tr '\n' ' ')" = "body7 broken geometry geometry " ] && ok ||
  bad "one sent-log line per paper and message: $(cat "$season/venue/.proceedings/sent.jsonl")"
jq -e -s 'map(select(.paper == "body7"))[0] | .verdict == "fail" and (.codes | index("PAGES_OVER")) != null and .to == ["chiara@example.org"]' \
  "$season/venue/.proceedings/sent.jsonl" > /dev/null && ok || bad "the log's line for body7: $(cat "$season/venue/.proceedings/sent.jsonl")"

# a re-run sends only what changed: nothing now
mv "$scratch/season-sink/rcpt.log" "$scratch/season-sink/rcpt-first.log"
expect_exit 0 "an unchanged re-run" -- season_notify "$season/second" --send
expect_text "$scratch/out" "PAGES_OVER, told on " "an unchanged verdict is named"
[ ! -e "$scratch/season-sink/rcpt.log" ] && ok || bad "an unchanged verdict was sent again: $(cat "$scratch/season-sink/rcpt.log")"
# the authors of body7 fix it (a paper that passes at this venue): only their paper's notice goes, saying it is ready
cp "$build/manuscripts/exhetai-2025/wages.pdf" "$season/uploads/body7.pdf"
"$bin" check --json --venue "$season/venue" --annotate "$season/annotated" "$season/uploads" > "$season/check.json"
expect_exit 0 "the re-run after a fix" -- season_notify "$season/third" --send
[ "$(cat "$scratch/season-sink/rcpt.log")" = "chiara@example.org" ] && ok || bad "only the fixed paper's author: $(cat "$scratch/season-sink/rcpt.log")"
expect_text "$scratch/out" "(paper body7 (pass))" "the fixed paper is told it is ready"
/usr/bin/python3 - "$scratch/season-sink" > "$season/ready.txt" 2>&1 <<'PY' && ok || bad "no 'ready' notice: $(cat "$season/ready.txt")"
import email, email.policy, glob, sys
last = sorted(glob.glob(sys.argv[1] + "/*.eml"))[-1]
m = email.message_from_binary_file(open(last, "rb"), policy=email.policy.default)
assert str(m["Subject"]) == "[ExHetAI'25] Your camera-ready paper is ready: A Paper One Page Too Long", m["Subject"]
assert "passes the format check" in m.get_body(preferencelist=("plain",)).get_content()
PY
rm "$scratch/season-sink/rcpt.log"
expect_exit 0 "--resend" -- season_notify "$season/fourth" --send --resend
[ "$(sort "$scratch/season-sink/rcpt.log" | tr '\n' ' ')" = "chiara@example.org dan@example.org zoe@example.org " ] && ok ||
  bad "--resend sends the failing papers again: $(tr '\n' ' ' < "$scratch/season-sink/rcpt.log")"

# an upload no paper fits is skipped, and the exit status says so
cp "$fx/body7.pdf" "$season/uploads/stray.pdf"
"$bin" check --json --venue "$season/venue" "$season/uploads" > "$season/check-stray.json"
expect_exit 1 "a skipped upload" -- "$bin" notify --venue "$season/venue" --results "$season/check-stray.json" --out "$season/stray"
expect_text "$scratch/out" "stray.pdf: skipped: " "the skipped upload is named"

# the server cannot be reached: one line, exit status 4
closed=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
expect_exit 4 "no server" -- env PROCEEDINGS_SMTP_URL="smtp://127.0.0.1:$closed" "$bin" notify --venue "$season/venue" \
  --results "$season/check.json" --out "$season/unreachable" --send --resend
[ "$(wc -l < "$scratch/err")" -eq 1 ] && ok || bad "one line for the connection failure: $(cat "$scratch/err")"
expect_text "$scratch/err" "smtp://127.0.0.1:$closed" "the server is named"

finish
