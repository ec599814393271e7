#!/usr/bin/env python3
"""smtp_sink.py [--tls CERT KEY] [--auth USER:PASSWORD] OUTDIR PORTFILE [REFUSED_ADDRESS...]

A real SMTP server (Debian's python3-aiosmtpd) on 127.0.0.1 for the notify
test: every accepted message is saved as OUTDIR/NNN.eml with the envelope
recipients in OUTDIR/NNN.rcpt and the session in OUTDIR/NNN.session
("tls=yes|no auth=USER|none"); every address a RCPT command names, accepted
or not, is appended to OUTDIR/rcpt.log. The REFUSED addresses get 550 at
RCPT TO. --tls offers STARTTLS with that certificate; --auth accepts AUTH
PLAIN/LOGIN with those credentials (in clear text too: the client decides).
Writes the port it listens on to PORTFILE; runs until killed.
"""
import argparse
import os
import signal
import socket
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Sink:
    def __init__(self, out, refused):
        self.out, self.refused, self.count = out, set(refused), 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with open(os.path.join(self.out, "rcpt.log"), "a") as f:
            f.write(address + "\n")
        if address in self.refused:
            return "550 5.1.1 <%s>: mailbox unavailable" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.out, "%03d" % self.count)
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        with open(base + ".rcpt", "w") as f:
            f.write("\n".join(envelope.rcpt_tos) + "\n")
        user = session.auth_data.login.decode() if session.authenticated and session.auth_data else "none"
        with open(base + ".session", "w") as f:
            f.write("tls=%s auth=%s\n" % ("yes" if session.ssl else "no", user))
        return "250 Message accepted"


class Credentials:
    def __init__(self, user, password):
        self.user, self.password = user.encode(), password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        good = auth_data.login == self.user and auth_data.password == self.password
        return AuthResult(success=good, handled=False, auth_data=auth_data)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--auth", metavar="USER:PASSWORD")
    parser.add_argument("out")
    parser.add_argument("portfile")
    parser.add_argument("refused", nargs="*")
    args = parser.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    options = {}
    if args.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*args.tls)
        options["tls_context"] = context
    if args.auth:
        user, password = args.auth.split(":", 1)
        options.update(authenticator=Credentials(user, password), auth_require_tls=False)
    controller = Controller(Sink(args.out, args.refused), hostname="127.0.0.1", port=port, **options)
    controller.start()
    with open(args.portfile + ".tmp", "w") as f:
        f.write(str(port))
    os.rename(args.portfile + ".tmp", args.portfile)
    signal.signal(signal.SIGTERM, lambda *_: (controller.stop(), sys.exit(0)))
    while True:
        time.sleep(1)


if __name__ == "__main__":
    main()
