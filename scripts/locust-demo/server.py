"""A tiny stand-in for an LLM gateway on 127.0.0.1, for producing real Locust output.

Two "models" share 6 worker slots: qwen2 takes ~30 ms of service, llama3 ~60 ms. A request
that waits more than 0.5 s for a slot gets 503 (the gateway sheds load), so the sweep has a
knee, a stable limit and failures at the top. Stops by itself after --seconds.
"""
import argparse, json, random, threading, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

SLOTS = threading.BoundedSemaphore(6)
SERVICE_MS = {"qwen2": 30.0, "llama3": 60.0}

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args):
        pass
    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(length) or b"{}")
        model = body.get("model", "qwen2")
        if not SLOTS.acquire(timeout=0.5):
            payload = b'{"error":"overloaded"}'
            self.send_response(503)
        else:
            try:
                time.sleep(random.gauss(SERVICE_MS.get(model, 30.0), 5.0) / 1000.0)
            finally:
                SLOTS.release()
            payload = json.dumps({"model": model, "choices": [{"message": {"content": "ok"}}]}).encode()
            self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seconds", type=float, default=600)
    args = parser.parse_args()
    ThreadingHTTPServer.request_queue_size = 256  # a deep listen backlog: no SYN retries
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    threading.Timer(args.seconds, server.shutdown).start()
    server.serve_forever()
