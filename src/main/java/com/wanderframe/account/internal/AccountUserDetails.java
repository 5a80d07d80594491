package com.wanderframe.account.internal;

import java.util.List;

import com.wanderframe.account.SignedInUser;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** What Spring Security's password check needs; never stored in a session. */
record AccountUserDetails(SignedInUser user, String getPassword) implements UserDetails {

	@Override
	public String getUsername() {
		return user.email();
	}

	@Override
	public List<GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_USER"));
	}

	@Override
	public String toString() {
		return "AccountUserDetails[" + user.id() + "]";
	}

	@Component
	static class Lookup implements UserDetailsService {

		private final Accounts accounts;

		Lookup(Accounts accounts) {
			this.accounts = accounts;
		}

		@Override
		public UserDetails loadUserByUsername(String email) {
			return accounts.findByEmail(email)
				.map(account -> new AccountUserDetails(new SignedInUser(account.id(), account.email()),
						account.passwordHash()))
				.orElseThrow(() -> new UsernameNotFoundException("No such account"));
		}

	}

}
