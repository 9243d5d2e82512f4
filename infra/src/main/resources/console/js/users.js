// Users: /admin/search/ for a term, /admin/users/ for the paged list.
import {call} from './api.js';
import {guarded, start} from './page.js';

start({
    usersPage: () => ({
        term: '', order: '', rank: '', includeDeleted: false,
        rows: [], total: 0, offset: 0, pageSize: 25, found: false,
        errors: [], busy: false,
        init() {
            this.load(0);
        },
        async load(offset) {
            await guarded(this, async () => {
                const {data, total} = await call('users', {order: this.order, rank: this.rank,
                    include_deleted: this.includeDeleted, limit: this.pageSize, offset: Math.max(offset, 0)});
                this.found = false;
                this.rows = data;
                this.total = total;
                this.offset = Math.max(offset, 0);
            });
        },
        async search() {
            if (this.term.trim() === '') {
                return this.load(0);
            }
            await guarded(this, async () => {
                const {data} = await call('search', {term: this.term.trim(), limit: 100});
                this.found = true;
                this.rows = data.users;
            });
        },
    }),
});
