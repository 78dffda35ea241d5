//! Static assets, embedded in the binary, served with an ETag and cached for a year: the
//! templates link them with `?v=<hash>`, so a new binary means new URLs.

use poem::http::{StatusCode, header};
use poem::web::Path;
use poem::{Request, Response, handler};

use crate::templates::{etag_of, static_file};

fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[handler]
pub fn serve_asset(req: &Request, Path(path): Path<String>) -> Response {
    let Some(file) = static_file(&path) else {
        return Response::builder().status(StatusCode::NOT_FOUND).finish();
    };
    let etag = format!("\"{}\"", etag_of(&file.metadata.sha256_hash()));
    let cache = "public, max-age=31536000, immutable";
    let matches = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    let builder = Response::builder().header(header::ETAG, etag).header(header::CACHE_CONTROL, cache);
    if matches {
        return builder.status(StatusCode::NOT_MODIFIED).finish();
    }
    builder.content_type(content_type(&path)).body(file.data.into_owned())
}
