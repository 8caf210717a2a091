"""Step load on the same two-model gateway: 4 → 8 → 16 → 32 → 64 → 128 users, 20 s per step,
spawning 4 users/s so each step starts with a short ramp."""
from locust import LoadTestShape
from locustfile import GatewayUser  # noqa: F401  (the user class)

class StepLoad(LoadTestShape):
    steps = [4, 8, 16, 32, 64, 128]
    step_seconds = 20

    def tick(self):
        run_time = self.get_run_time()
        index = int(run_time // self.step_seconds)
        if index >= len(self.steps):
            return None
        return (self.steps[index], 4)
