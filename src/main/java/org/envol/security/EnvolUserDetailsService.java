package org.envol.security;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads a user for sign-in and for API tokens, with the authorities {@link Authorities} documents. */
@Service
class EnvolUserDetailsService implements UserDetailsService {

    private final UserStore store;

    EnvolUserDetailsService(UserStore store) {
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public EnvolUser loadUserByUsername(String username) {
        UserStore.Row row = store.find(UserService.normalize(username))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new EnvolUser(row.id(), row.username(), row.passwordHash(), row.enabled(),
                AuthorityUtils.createAuthorityList(Authorities.of(store.grants(row.id()), store.accounts(row.id()))));
    }
}
