package com.wanderframe.account;

import java.util.UUID;

/**
 * A person's account as the API shows it: who they are and what they can spend.
 * @param awaitingVerification whether a verification link was mailed and not yet followed (the
 * welcome credits arrive with it)
 */
public record AccountView(UUID id, String email, int credits, boolean awaitingVerification) {
}
