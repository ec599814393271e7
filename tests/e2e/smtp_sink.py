#!/usr/bin/env python3
"""smtp_sink.py OUTDIR PORTFILE [REFUSED_ADDRESS...]

A real SMTP server (Debian's python3-aiosmtpd) on 127.0.0.1 for the notify
test: every accepted message is saved as OUTDIR/NNN.eml with the envelope
recipients in OUTDIR/NNN.rcpt; the REFUSED addresses get 550 at RCPT TO.
Writes the port it listens on to PORTFILE; runs until killed.
"""
import os
import signal
import socket
import sys
import time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, out, refused):
        self.out, self.refused, self.count = out, set(refused), 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
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
        return "250 Message accepted"


def main():
    out, portfile, refused = sys.argv[1], sys.argv[2], sys.argv[3:]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    controller = Controller(Sink(out, refused), hostname="127.0.0.1", port=port)
    controller.start()
    with open(portfile + ".tmp", "w") as f:
        f.write(str(port))
    os.rename(portfile + ".tmp", portfile)
    signal.signal(signal.SIGTERM, lambda *_: (controller.stop(), sys.exit(0)))
    while True:
        time.sleep(1)


if __name__ == "__main__":
    main()
