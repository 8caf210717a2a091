"""Chat and completion traffic against the LLM stub (server.py): each user sends a non-streaming
chat request (weight 3, max_tokens 32) or a completion request (weight 1, max_tokens 64), named
by endpoint so Locust keeps one stats entry for each, then waits 1–2 s."""
from locust import HttpUser, task, between

PROMPT = "Summarise the following paragraph in one sentence. " * 8


class LLMUser(HttpUser):
    wait_time = between(1, 2)

    @task(3)
    def chat(self):
        self.client.post("/v1/chat/completions", name="chat", json={
            "model": "stub-model", "max_tokens": 32,
            "messages": [{"role": "user", "content": PROMPT}]})

    @task(1)
    def completion(self):
        self.client.post("/v1/completions", name="completion", json={
            "model": "stub-model", "max_tokens": 64, "prompt": PROMPT})
