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
expect_exit 2 "--send without a server" -- env -u PROCEEDINGS_SMTP_URL PROCEEDINGS_MAIL_FROM=chairs@example.org \
  "$bin" notify --venue "$venue" --results "$scratch/check.json" --out "$scratch/mails" --send
expect_text "$scratch/err" "PROCEEDINGS_SMTP_URL" "the missing setting is named"

# a real SMTP server on 127.0.0.1 that refuses gone@example.org
mkdir -p "$scratch/received"
/usr/bin/python3 "$src/tests/e2e/smtp_sink.py" "$scratch/received" "$scratch/port" gone@example.org 2> "$scratch/sink.err" &
sink=$!
cleanup_hooks+=("kill $sink 2>/dev/null")
for _ in $(seq 300); do [ -s "$scratch/port" ] && break; sleep 0.1; done  # up to 30 s on a loaded machine
port=$(cat "$scratch/port" 2>/dev/null)
[ -n "$port" ] && ok || bad "the SMTP server did not start: $(cat "$scratch/sink.err")"
PROCEEDINGS_SMTP_URL="smtp://127.0.0.1:$port" PROCEEDINGS_MAIL_FROM="ExHetAI chairs <chairs@example.org>" \
  "$bin" notify --venue "$venue" --results "$scratch/check.json" --annotated "$scratch/annotated" \
  --out "$scratch/sent" --send > "$scratch/out" 2> "$scratch/err"
[ $? -eq 1 ] && ok || bad "a refused recipient makes the exit status 1"
expect_text "$scratch/out" "gone@example.org>: refused" "the refused recipient is named"
expect_text "$scratch/out" "zoe@example.org>: sent" "the others are sent"
[ "$(cat "$scratch"/received/*.rcpt | sort | tr '\n' ' ')" = "chiara@example.org zoe@example.org " ] && ok ||
  bad "received recipients: $(cat "$scratch"/received/*.rcpt 2>/dev/null | tr '\n' ' ')"
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

finish
