package com.wanderframe.account;

import java.util.UUID;

/** A person's account as the API shows it: who they are and what they can spend. */
public record AccountView(UUID id, String email, int credits) {
}
