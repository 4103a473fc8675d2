#!/usr/bin/env python3
"""A small SMTP server for ChungThu's tests, standard library only (nothing
to install on a fresh machine). Listens on 127.0.0.1, optionally offers
STARTTLS or speaks TLS from the first byte, optionally requires AUTH
PLAIN/LOGIN, and saves each accepted message whole as NNNN.eml in --dir
(written to a temporary name, then renamed, so a reader never sees half).

Prints "READY <port>" on stdout once listening. Never logs AUTH lines.
"""
import argparse
import base64
import os
import socket
import socketserver
import ssl
import sys
import threading

counter_lock = threading.Lock()
counter = [0]


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--dir", required=True)
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--implicit-tls", action="store_true")
    p.add_argument("--user")
    p.add_argument("--password")
    p.add_argument("--refuse", action="append", default=[], help="recipient refused with 550")
    p.add_argument("--defer", action="append", default=[], help="recipient deferred with 451")
    return p.parse_args()


ARGS = parse_args()
TLS = None
if ARGS.cert:
    TLS = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    TLS.load_cert_chain(ARGS.cert, ARGS.key)


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def readline(self):
        line = self.rfile.readline(1 << 20)
        if not line:
            raise ConnectionError("closed")
        return line.decode("utf-8", "replace").rstrip("\r\n")

    def rewrap(self, sock):
        self.connection = self.request = sock
        self.rfile = sock.makefile("rb")
        self.wfile = sock.makefile("wb")

    def handle(self):
        self.encrypted = False
        if ARGS.implicit_tls:
            self.rewrap(TLS.wrap_socket(self.connection, server_side=True))
            self.encrypted = True
        self.authed = False
        self.reset()
        self.reply("220 127.0.0.1 ESMTP chungthu-test")
        try:
            while self.command(self.readline()):
                pass
        except (ConnectionError, ssl.SSLError, OSError):
            pass

    def reset(self):
        self.mail_from = None
        self.rcpt = []

    def ehlo_lines(self):
        lines = ["127.0.0.1", "8BITMIME", "SIZE 104857600"]
        if TLS and not self.encrypted:
            lines.append("STARTTLS")
        if ARGS.user and (self.encrypted or not TLS):
            lines.append("AUTH PLAIN LOGIN")
        return lines

    def check(self, user, password):
        self.authed = user == ARGS.user and password == ARGS.password
        self.reply("235 2.7.0 Authentication successful" if self.authed
                   else "535 5.7.8 Authentication credentials invalid")

    def command(self, line):
        verb = line.split(" ", 1)[0].upper()
        arg = line[len(verb):].strip()
        if verb in ("EHLO", "HELO"):
            lines = self.ehlo_lines()
            for l in lines[:-1]:
                self.reply("250-" + l)
            self.reply("250 " + lines[-1])
        elif verb == "STARTTLS" and TLS and not self.encrypted:
            self.reply("220 2.0.0 Ready to start TLS")
            self.rewrap(TLS.wrap_socket(self.connection, server_side=True))
            self.encrypted = True
            self.reset()
        elif verb == "AUTH" and ARGS.user:
            parts = arg.split()
            mech = parts[0].upper() if parts else ""
            if mech == "PLAIN":
                data = parts[1] if len(parts) > 1 else None
                if data is None:
                    self.reply("334 ")
                    data = self.readline()
                fields = base64.b64decode(data).decode("utf-8", "replace").split("\0")
                self.check(fields[1] if len(fields) > 2 else "", fields[-1])
            elif mech == "LOGIN":
                self.reply("334 VXNlcm5hbWU6")
                user = base64.b64decode(self.readline()).decode("utf-8", "replace")
                self.reply("334 UGFzc3dvcmQ6")
                self.check(user, base64.b64decode(self.readline()).decode("utf-8", "replace"))
            else:
                self.reply("504 5.5.4 Unrecognized authentication type")
        elif verb == "MAIL":
            if ARGS.user and not self.authed:
                self.reply("530 5.7.0 Authentication required")
            else:
                self.mail_from = arg
                self.reply("250 2.1.0 OK")
        elif verb == "RCPT":
            address = arg.split(":", 1)[-1].strip().strip("<>").split(">")[0]
            if address in ARGS.refuse:
                self.reply("550 5.1.1 <%s>: Recipient address rejected: User unknown" % address)
            elif address in ARGS.defer:
                self.reply("451 4.3.0 Try again later")
            else:
                self.rcpt.append(address)
                self.reply("250 2.1.5 OK")
        elif verb == "DATA":
            if not self.rcpt:
                self.reply("503 5.5.1 No recipients")
                return True
            self.reply("354 End data with <CR><LF>.<CR><LF>")
            chunks = []
            while True:
                raw = self.rfile.readline(1 << 24)
                if not raw:
                    raise ConnectionError("closed in DATA")
                if raw in (b".\r\n", b".\n"):
                    break
                chunks.append(raw[1:] if raw.startswith(b".") else raw)
            with counter_lock:
                counter[0] += 1
                n = counter[0]
            path = os.path.join(ARGS.dir, "%04d.eml" % n)
            with open(path + ".part", "wb") as f:
                f.write(b"".join(chunks))
            os.replace(path + ".part", path)
            self.reply("250 2.0.0 OK queued as %04d" % n)
            self.reset()
        elif verb == "RSET":
            self.reset()
            self.reply("250 2.0.0 OK")
        elif verb == "NOOP":
            self.reply("250 2.0.0 OK")
        elif verb == "QUIT":
            self.reply("221 2.0.0 Bye")
            return False
        else:
            self.reply("502 5.5.2 Command not recognized")
        return True


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    server = Server(("127.0.0.1", ARGS.port), Session)
    print("READY %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
