package org.parcours.vocabulary;

import org.parcours.patient.Enums.ConditionSystem;
import org.parcours.patient.Enums.StayReason;

/** One row of {@code vocabulary/stay-reason.csv}: the codes of a system that state a stay reason. */
record StayReasonCode(ConditionSystem system, CodePattern pattern, StayReason reason) {
}
