import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// TIEFBLICK_BUILD_DIR / TIEFBLICK_KIT_DIR let parallel work build side by side without clobbering
		// one another's output (the default is what npm test and npm start use)
		adapter: adapter({ out: process.env.TIEFBLICK_BUILD_DIR ?? 'build' }),
		outDir: process.env.TIEFBLICK_KIT_DIR ?? '.svelte-kit',
		// Kit's origin check answers multipart/urlencoded POSTs without an Origin with a plain-text 403,
		// which breaks uploads from curl, QGIS and scripts. Our own check in hooks.server.ts (csrf.ts)
		// refuses cookie-authenticated cross-origin writes and exempts Bearer requests.
		csrf: { checkOrigin: false }
	}
};

export default config;
