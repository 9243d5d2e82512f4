// <console-nav>: the links between the console's pages and the sign-out button, on every page.
import {signedInUser, signOut} from './api.js';

const PAGES = [
    ['users.html', 'Users'],
    ['reports.html', 'Reports'],
    ['catalog.html', 'Catalog'],
    ['computations.html', 'Computations'],
    ['audit.html', 'Audit'],
];

class ConsoleNav extends HTMLElement {
    connectedCallback() {
        const here = location.pathname.split('/').pop();
        const nav = document.createElement('nav');
        const brand = document.createElement('ul');
        brand.innerHTML = '<li><strong>ZephyCloud Ledger</strong></li>';
        const links = document.createElement('ul');
        for (const [href, label] of PAGES) {
            const item = document.createElement('li');
            const link = document.createElement('a');
            link.href = '/console/' + href;
            link.textContent = label;
            if (href === here) {
                link.setAttribute('aria-current', 'page');
            }
            item.append(link);
            links.append(item);
        }
        const user = document.createElement('li');
        const button = document.createElement('button');
        button.className = 'outline secondary';
        button.textContent = 'Sign out ' + (signedInUser() || '');
        button.addEventListener('click', signOut);
        user.append(button);
        links.append(user);
        nav.append(brand, links);
        this.replaceChildren(nav);
    }
}

customElements.define('console-nav', ConsoleNav);
