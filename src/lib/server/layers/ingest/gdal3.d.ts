// gdal3.js ships types for its browser entry only; the Node entry exports the same init function.
declare module 'gdal3.js/node.js' {
	const init: (config: object) => Promise<unknown>;
	export default init;
}
