"""A locustfile with the failures people really get, against the LLM stub:

* `chat` checks the answer with `catch_response`: fewer than 24 of the 32 requested tokens
  (the stub stops early at a random "EOS", `--eos-prob`) is marked a failure ("answer truncated").
* `summarize` has a script bug: it reads `choices` from the JSON before checking the status, so a
  503 `{"error": "overloaded"}` raises KeyError in the task (an exception, not a request failure).
* The stub sheds load (503 when its queue is full) and queues long enough that some requests
  exceed the client's 2 s `timeout=` (ReadTimeout; `summarize` then fails to parse the empty body).
"""
from locust import HttpUser, task, between

PROMPT = "Summarise the following paragraph in one sentence. " * 8


class LLMUser(HttpUser):
    wait_time = between(0.5, 1)

    @task(3)
    def chat(self):
        with self.client.post("/v1/chat/completions", name="chat", catch_response=True, timeout=2.0, json={
                "model": "stub-model", "max_tokens": 32,
                "messages": [{"role": "user", "content": PROMPT}]}) as response:
            if response.status_code != 200:
                return  # already a failure (503, timeout)
            tokens = response.json()["usage"]["completion_tokens"]
            if tokens < 24:
                response.failure("answer truncated: fewer than 24 tokens")

    @task(1)
    def summarize(self):
        response = self.client.post("/v1/completions", name="summarize", timeout=2.0, json={
            "model": "stub-model", "max_tokens": 96, "prompt": PROMPT})
        summary = response.json()["choices"][0]["text"]  # bug: KeyError on a 503 body
        assert summary
