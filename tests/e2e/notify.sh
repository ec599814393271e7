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
assert "The text block runs from" in body and "Dear Zoë Ångström and Bruno Keller" in body, body
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
send_to() {  # send_to VENUE OUT [FLAG...]: notify --send to the server on $port
  local v=$1 out=$2; shift 2
  PROCEEDINGS_SMTP_URL="smtp://127.0.0.1:$port" PROCEEDINGS_MAIL_FROM="ExHetAI chairs <chairs@example.org>" \
    "$bin" notify --venue "$v" --results "$scratch/check.json" --annotated "$scratch/annotated" --out "$out" --send "$@"
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
expect_exit 0 "STARTTLS with credentials and the server's certificate" -- send_to "$names" "$scratch/auth-tls"
[ "$(sort -u "$scratch"/auth/*.session 2>/dev/null)" = "tls=yes auth=chair" ] && ok ||
  bad "the server saw TLS and the login: $(cat "$scratch"/auth/*.session 2>/dev/null)"
mkdir "$scratch/auth/tls" && mv "$scratch"/auth/*.session "$scratch/auth/tls/"
unset PROCEEDINGS_SMTP_STARTTLS PROCEEDINGS_SMTP_CA_FILE
expect_exit 0 "--insecure-smtp-auth sends the credentials in clear text" -- send_to "$names" "$scratch/auth-clear" --insecure-smtp-auth
[ "$(sort -u "$scratch"/auth/*.session 2>/dev/null)" = "tls=no auth=chair" ] && ok ||
  bad "the server saw the login without TLS: $(cat "$scratch"/auth/*.session 2>/dev/null)"
unset PROCEEDINGS_SMTP_USER PROCEEDINGS_SMTP_PASSWORD
"$bin" notify --help > "$scratch/help" 2>&1
expect_text "$scratch/help" "--insecure-smtp-auth" "--help documents the flag"

finish
