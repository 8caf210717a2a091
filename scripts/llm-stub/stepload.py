"""Step load on the LLM stub: 1 → 10 → 25 → 50 → 100 → 200 users, 10 s per step, spawning 50
users/s so the ramps are short (the 100 → 200 ramp takes 2 s)."""
from locust import LoadTestShape
from locustfile import LLMUser  # noqa: F401  (the user class)


class StepLoad(LoadTestShape):
    steps = [1, 10, 25, 50, 100, 200]
    step_seconds = 10

    def tick(self):
        index = int(self.get_run_time() // self.step_seconds)
        if index >= len(self.steps):
            return None
        return (self.steps[index], 50)
