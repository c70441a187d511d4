"""The CEFR evaluation: one chat completion with strict structured output, checked again when it
arrives. The prompt is built in prompts.py; it never tells the model the level the person chose."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import pydantic
from pydantic import BaseModel, ConfigDict

from speakcheck_desktop.assess.api import Endpoint, MalformedAnswer, ModelRefused, call_with_retries
from speakcheck_desktop.assess.prompts import PROMPT_VERSION, build_messages
from speakcheck_desktop.core.fluency import FluencyMeasures
from speakcheck_desktop.core.records import SCORE_KEYS, SCORE_RANGE, Aspect
from speakcheck_desktop.core.vocabulary import VocabularyProfile

log = logging.getLogger(__name__)

NOTHING_STORED = ("Nothing was stored; the answer is kept and can be assessed again (try another model in "
                  "Settings if this keeps happening).")
UNUSABLE = f"The evaluation service answered something the app cannot use. {NOTHING_STORED}"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


if TYPE_CHECKING:
    class ScoresOut(_Strict):
        """One number per `Aspect`; read only through `model_dump()`."""
else:
    # One required number per aspect, named as the score keys: made from `Aspect`, so the schema
    # the model must fill asks for exactly the scores the records keep.
    ScoresOut = pydantic.create_model("ScoresOut", __base__=_Strict,
                                      **{aspect.value: (float, ...) for aspect in Aspect})


class TipOut(_Strict):
    text: str
    quote: str | None
    start_s: float | None
    end_s: float | None


class EvaluationOut(_Strict):
    """What the model must answer. In strict mode every field is required; optional ones are nullable."""
    overall_level: Literal["A2", "B1", "B2", "C1"]
    scores: ScoresOut
    rationale: str
    tips: list[TipOut]
    outside_scale: Literal["below_A2", "above_C1"] | None
    model_confidence: float | None


@dataclass(frozen=True)
class EvaluationDraft:
    overall_level: str
    scores: dict[str, float]
    rationale: str
    tips: list[dict[str, Any]]
    outside_scale: str | None
    model_confidence: float | None
    model: str
    prompt_version: str = PROMPT_VERSION


class Evaluator:
    def __init__(self, endpoint: Endpoint, *, sleep: Callable[[float], None] = time.sleep,
                 rng: random.Random | None = None):
        self.endpoint = endpoint
        self._sleep = sleep
        self._rng = rng

    def evaluate(self, *, task_prompt: str, transcript: str, segments: list[dict[str, Any]],
                 measures: FluencyMeasures, vocabulary: VocabularyProfile | None = None,
                 temperature: float = 0.0) -> EvaluationDraft:
        messages = build_messages(task_prompt=task_prompt, transcript=transcript, segments=segments, measures=measures,
                                  vocabulary=vocabulary)
        client = self.endpoint.client()

        def call() -> Any:
            return client.chat.completions.parse(model=self.endpoint.model, messages=messages,
                                                 response_format=EvaluationOut, temperature=temperature)
        import openai  # loaded by the client above; here only for its error types (see assess/api.py)
        try:
            completion = call_with_retries(self.endpoint, "evaluation", call, sleep=self._sleep, rng=self._rng)
        except openai.LengthFinishReasonError:
            raise MalformedAnswer("The evaluation was cut off before it was complete. Try again.") from None
        except openai.ContentFilterFinishReasonError:
            raise ModelRefused("The evaluation service declined to assess this answer (content filter).") from None
        except (pydantic.ValidationError, ValueError) as exc:
            # The parser's words (JSON positions, pydantic's field paths) are for the log, not the person.
            log.warning("Evaluation answer not usable: %s", _short(exc))
            raise MalformedAnswer(UNUSABLE) from None
        finally:
            client.close()
        message = completion.choices[0].message
        if getattr(message, "refusal", None):
            raise ModelRefused(f"The evaluation service declined to assess this answer: {message.refusal}")
        if message.parsed is None:
            raise MalformedAnswer("The evaluation service sent an empty answer. Nothing was stored; try again.")
        # The model the server says answered (it may differ from the one asked for, e.g. a dated version).
        used = getattr(completion, "model", None) or self.endpoint.model
        return self._checked(message.parsed, transcript, measures, str(used))

    def _checked(self, out: EvaluationOut, transcript: str, measures: FluencyMeasures, model: str) -> EvaluationDraft:
        """Validate again what the schema cannot say: ranges, and tips that point at real words and times."""
        scores = out.scores.model_dump()
        low, high = SCORE_RANGE
        bad = {k: v for k, v in scores.items() if not low <= v <= high}
        if bad:
            log.warning("Evaluation scores outside %g-%g: %s", low, high, bad)
            raise MalformedAnswer(f"The evaluation gave scores outside the {low:g}-{high:g} scale. {NOTHING_STORED}")
        if out.model_confidence is not None and not 0 <= out.model_confidence <= 1:
            raise MalformedAnswer(f"The evaluation gave a confidence outside 0-1. {NOTHING_STORED}")
        tips = []
        for tip in out.tips:
            item: dict[str, Any] = {"text": tip.text.strip()}
            if tip.quote and tip.quote.strip().lower() in transcript.lower():
                item["quote"] = tip.quote.strip()
            if (tip.start_s is not None and tip.end_s is not None
                    and 0 <= tip.start_s < tip.end_s <= measures.total_duration_s + 0.5):
                item["start_s"], item["end_s"] = round(tip.start_s, 2), round(tip.end_s, 2)
            if item["text"]:
                tips.append(item)
        return EvaluationDraft(out.overall_level, {k: float(scores[k]) for k in SCORE_KEYS}, out.rationale.strip(),
                               tips, out.outside_scale, out.model_confidence, model)


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:160]
