#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) for tellpoint's mail tests and benchmark.

Listens on 127.0.0.1:PORT. Each accepted message is written to DIR as a JSON file with its
recipients, headers, text and HTML parts and raw source; recipients whose local part starts
with "reject" are refused with 550. With --count-only, messages are counted, not written
(the benchmark). Prints "ready" once it accepts connections.
"""
import argparse
import json
import os
import signal
import threading
import uuid
from email import policy
from email.parser import BytesParser

from aiosmtpd.controller import Controller


class Handler:
    def __init__(self, directory, count_only):
        self.directory = directory
        self.count_only = count_only
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.split("@")[0].startswith("reject"):
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        if self.count_only:
            if self.count % 1000 == 0:
                print(f"received {self.count}", flush=True)
            return "250 Message accepted"
        raw = envelope.original_content or envelope.content
        msg = BytesParser(policy=policy.default).parsebytes(raw)
        text = msg.get_body(preferencelist=("plain",))
        html = msg.get_body(preferencelist=("html",))
        record = {
            "rcpt": envelope.rcpt_tos,
            "headers": {k.lower(): str(v) for k, v in msg.items()},
            "text": text.get_content() if text else "",
            "html": html.get_content() if html else "",
            "raw": raw.decode("utf-8", "replace"),
        }
        name = uuid.uuid4().hex
        tmp = os.path.join(self.directory, name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(record, f)
        os.rename(tmp, os.path.join(self.directory, name + ".json"))
        return "250 Message accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", default=".")
    parser.add_argument("--count-only", action="store_true")
    args = parser.parse_args()
    controller = Controller(Handler(args.dir, args.count_only), hostname="127.0.0.1", port=args.port)
    controller.start()
    print("ready", flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait()
    controller.stop()


if __name__ == "__main__":
    main()
