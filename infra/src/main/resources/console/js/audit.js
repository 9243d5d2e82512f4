// Audit: /admin/audit/replay_balance/ beside the read model (/admin/user/balance/ and the count of
// /admin/user/balance_history/), and /admin/audit/rebuild_status/, polled while a rebuild runs.
import {ApiError, call} from './api.js';
import {dateTime} from './format.js';
import {guarded, param, start} from './page.js';

start({
    auditPage: () => ({
        userId: param('user_id'), result: null, readModel: {}, rebuild: null, rebuildErrors: [],
        errors: [], busy: false, dateTime,
        init() {
            if (this.userId) {
                this.replay();
            }
            this.watchRebuild();
        },
        differs(a, b) {
            return Number(a) !== Number(b);
        },
        async replay() {
            this.result = null;
            await guarded(this, async () => {
                const userId = this.userId.trim();
                const result = (await call('audit/replay_balance', {user_id: userId})).data;
                const balance = (await call('user/balance', {user_id: userId})).data;
                const history = await call('user/balance_history', {user_id: userId, limit: 0});
                this.readModel = {balance: balance.balance, entries: history.total};
                this.result = result;
            });
        },
        async watchRebuild() {
            try {
                this.rebuild = (await call('audit/rebuild_status')).data;
                this.rebuildErrors = [];
            } catch (e) {
                this.rebuildErrors = e instanceof ApiError ? e.messages : [String(e)];
            }
            if (this.rebuild && this.rebuild.state === 'running') {
                setTimeout(() => this.watchRebuild(), 2000);
            }
        },
    }),
});
