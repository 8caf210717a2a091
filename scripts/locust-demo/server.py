"""A tiny stand-in for an LLM gateway on 127.0.0.1, for producing real Locust output.

Two "models" share 6 worker slots: qwen2 takes ~30 ms of service, llama3 ~60 ms. A request
that waits more than 0.5 s for a slot gets 503 (the gateway sheds load), so the sweep has a
knee, a stable limit and failures at the top. Stops by itself after --seconds.

The defaults are the week-1 gateway. `--slots N` and `--service-ms MODEL=MS` (repeatable) change
it; the week-2 sweep (run-week2.sh) uses `--slots 8 --service-ms llama3=75`.
"""
import argparse, json, random, threading, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

SLOTS = threading.BoundedSemaphore(6)  # replaced in main when --slots is given
SERVICE_MS = {"qwen2": 30.0, "llama3": 60.0}
# --drift-ms-per-min: service time grows by this much per minute since start (a leak), for soaks.
DRIFT_MS_PER_MIN = 0.0
STARTED = time.monotonic()

def model_ms(text):
    """`MODEL=MS` for --service-ms, e.g. `llama3=75`."""
    model, sep, ms = text.partition("=")
    if not sep or not model:
        raise argparse.ArgumentTypeError(f"expected MODEL=MS, got {text!r}")
    return model, float(ms)

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
                drift = DRIFT_MS_PER_MIN * (time.monotonic() - STARTED) / 60.0
                time.sleep(max(0.0, random.gauss(SERVICE_MS.get(model, 30.0) + drift, 5.0)) / 1000.0)
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
    parser.add_argument("--slots", type=int, default=6, help="worker slots shared by all models (default 6)")
    parser.add_argument("--service-ms", type=model_ms, action="append", default=[], metavar="MODEL=MS",
                        help="mean service time of one model in ms (repeatable; defaults qwen2=30, llama3=60)")
    parser.add_argument("--drift-ms-per-min", type=float, default=0.0,
                        help="service time grows by this many ms per minute since start (a slow leak, for soak tests)")
    args = parser.parse_args()
    DRIFT_MS_PER_MIN = args.drift_ms_per_min
    SLOTS = threading.BoundedSemaphore(args.slots)
    SERVICE_MS.update(dict(args.service_ms))
    ThreadingHTTPServer.request_queue_size = 256  # a deep listen backlog: no SYN retries
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    threading.Timer(args.seconds, server.shutdown).start()
    server.serve_forever()
