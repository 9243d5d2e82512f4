import {signIn} from './api.js';
import {guarded, param, start} from './page.js';

start({
    signInForm: () => ({
        user: 'admin',
        password: '',
        errors: [],
        busy: false,
        async submit() {
            await guarded(this, async () => {
                await signIn(this.user, this.password);
                const next = param('next');
                // Only a page of the console: never a redirect elsewhere.
                location.assign(next.startsWith('/console/') ? next : '/console/users.html');
            });
        },
    }),
}, false);
