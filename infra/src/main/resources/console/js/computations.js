// Computations: /admin/computations/list/ with its filters (user_id, project_uid, status), paged.
import {call} from './api.js';
import {dateTime} from './format.js';
import {guarded, param, start} from './page.js';

start({
    computationsPage: () => ({
        userId: param('user_id'), projectUid: param('project_uid'), status: param('status'), order: 'job_id DESC',
        statuses: ['pending', 'launching', 'running', 'paused', 'finished', 'killed', 'canceled'],
        rows: [], total: 0, offset: 0, pageSize: 25, errors: [], busy: false, dateTime,
        init() {
            this.load(0);
        },
        async load(offset) {
            await guarded(this, async () => {
                const {data, total} = await call('computations/list', {user_id: this.userId.trim(),
                    project_uid: this.projectUid.trim(), status: this.status, order: this.order,
                    limit: this.pageSize, offset: Math.max(offset, 0)});
                this.rows = data;
                this.total = total;
                this.offset = Math.max(offset, 0);
            });
        },
    }),
});
