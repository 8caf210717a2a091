"""Two-model gateway test: each user sends chat requests for qwen2 (2/3) and llama3 (1/3),
named by model so Locust keeps one stats entry per model."""
from locust import HttpUser, task, between

class GatewayUser(HttpUser):
    wait_time = between(0.2, 0.4)

    @task(2)
    def qwen2(self):
        self.client.post("/v1/chat/completions", json={"model": "qwen2", "messages": [{"role": "user", "content": "hi"}]}, name="qwen2")

    @task(1)
    def llama3(self):
        self.client.post("/v1/chat/completions", json={"model": "llama3", "messages": [{"role": "user", "content": "hi"}]}, name="llama3")
