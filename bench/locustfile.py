"""The page mix of the load benchmark (run by bench/load.py, which sets the BENCH_* variables).

Anonymous visitors browse and search the directory; members open their dashboard, their
recommended partners, their agenda and calendar feed; an operator opens the schedule and the
dashboard. Every user also asks for the one-query view, the floor the pages are measured against,
and for the privacy notice: a page of the site's layout (navigation, footer, language menu) with
no data of its own, which separates what the layout costs from what a page's data costs.
The server runs with DEBUG=false, so its cookies are Secure: over plain loopback HTTP the client
sends them itself and says it came through the TLS proxy (X-Forwarded-Proto), as nginx would.
"""

from __future__ import annotations

import os
import re

from locust import HttpUser, between, task

PROXY = {"X-Forwarded-Proto": "https"}
BASELINE = "one-query view"
LAYOUT = "layout page (privacy)"
PASSWORD = os.environ.get("BENCH_PASSWORD", "twinning-demo")


class Visitor(HttpUser):
    weight = 4
    wait_time = between(0.5, 1.5)

    @task(4)
    def directory(self) -> None:
        self.client.get("/opportunities/", headers=PROXY, name="directory")

    @task(2)
    def search(self) -> None:
        self.client.get("/opportunities/?q=meat", headers=PROXY, name="directory search")

    @task(2)
    def baseline(self) -> None:
        self.client.get("/health/database", headers=PROXY, name=BASELINE)

    @task(1)
    def layout(self) -> None:
        self.client.get("/privacy/", headers=PROXY, name=LAYOUT)


class SignedIn(HttpUser):
    abstract = True
    email = ""
    cookies = ""

    def on_start(self) -> None:
        page = self.client.get("/accounts/login/", headers=PROXY, name="login page")
        csrf = page.cookies.get("csrftoken", "")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        origin = f"https://{self.host.split('://', 1)[1]}"
        answer = self.client.post(
            "/accounts/login/",
            data={"username": self.email, "password": PASSWORD,
                  "csrfmiddlewaretoken": token.group(1) if token else ""},
            headers={**PROXY, "Cookie": f"csrftoken={csrf}", "Referer": f"{origin}/accounts/login/",
                     "Origin": origin},
            allow_redirects=False, name="login",
        )  # fmt: skip
        session = answer.cookies.get("sessionid", "")
        self.cookies = f"csrftoken={csrf}; sessionid={session}"

    def get(self, path: str, name: str) -> None:
        self.client.get(path, headers={**PROXY, "Cookie": self.cookies}, name=name)

    @task(2)
    def baseline(self) -> None:
        self.client.get("/health/database", headers=PROXY, name=BASELINE)

    @task(1)
    def layout(self) -> None:
        self.get("/privacy/", LAYOUT)


class Member(SignedIn):
    weight = 3
    wait_time = between(0.5, 1.5)
    email = os.environ.get("BENCH_MEMBER", "")

    @task(2)
    def dashboard(self) -> None:
        self.get("/dashboard/", "member dashboard")

    @task(2)
    def recommendations(self) -> None:
        self.get(os.environ["BENCH_RECOMMENDATIONS"], "recommendations")

    @task(2)
    def agenda(self) -> None:
        self.get(os.environ["BENCH_AGENDA"], "agenda")

    @task(1)
    def feed(self) -> None:
        self.client.get(os.environ["BENCH_FEED"], headers=PROXY, name="agenda .ics feed")


class Operator(SignedIn):
    weight = 1
    wait_time = between(0.5, 1.5)
    email = os.environ.get("BENCH_OPERATOR", "operator@twinning.local")

    @task(2)
    def schedule(self) -> None:
        self.get(os.environ["BENCH_SCHEDULE"], "operator schedule")

    @task(1)
    def dashboard(self) -> None:
        self.get("/dashboard/", "operator dashboard")
