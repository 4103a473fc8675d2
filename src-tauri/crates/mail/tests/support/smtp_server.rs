//! A small SMTP server for the tests, in the test process itself (so it runs
//! wherever the tests run, the Windows build under Wine included). Listens
//! on 127.0.0.1, optionally offers STARTTLS or speaks TLS from the first
//! byte, optionally requires AUTH PLAIN/LOGIN, refuses (550) or defers (451)
//! chosen recipients, and saves each accepted message whole as NNNN.eml in
//! its folder (written to a temporary name, then renamed, so a reader never
//! sees half).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::{ServerConfig, ServerConnection, StreamOwned};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// How the test server behaves.
#[derive(Default, Clone)]
pub struct ServerOptions {
    /// Fixed port (0: any free port).
    pub port: u16,
    /// Offer STARTTLS with this certificate and key (PEM files).
    pub tls: Option<(PathBuf, PathBuf)>,
    /// Speak TLS from the first byte (needs `tls`).
    pub implicit_tls: bool,
    /// Require this login.
    pub login: Option<(String, String)>,
    /// Recipients refused with 550.
    pub refuse: Vec<String>,
    /// Recipients deferred with 451.
    pub defer: Vec<String>,
}

/// A running test server; stopped, with its connections cut, when dropped
/// (as a killed server process would be).
pub struct SmtpServer {
    pub port: u16,
    pub dir: PathBuf,
    stop: Arc<AtomicBool>,
    open: Arc<Mutex<Vec<TcpStream>>>,
    accept: Option<JoinHandle<()>>,
}

struct Shared {
    options: ServerOptions,
    tls: Option<Arc<ServerConfig>>,
    dir: PathBuf,
    received: AtomicU32,
}

impl SmtpServer {
    /// Starts the server; messages land in `dir`.
    pub fn start(dir: &Path, options: &ServerOptions) -> SmtpServer {
        std::fs::create_dir_all(dir).unwrap();
        let listener = TcpListener::bind(("127.0.0.1", options.port)).expect("the test SMTP server's port");
        let port = listener.local_addr().unwrap().port();
        let shared = Arc::new(Shared {
            options: options.clone(),
            tls: options.tls.as_ref().map(|(cert, key)| tls_config(cert, key)),
            dir: dir.to_owned(),
            received: AtomicU32::new(0),
        });
        let stop = Arc::new(AtomicBool::new(false));
        let open = Arc::new(Mutex::new(Vec::new()));
        let accept = {
            let (stop, open) = (stop.clone(), open.clone());
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    if let Ok(copy) = stream.try_clone() {
                        open.lock().unwrap().push(copy);
                    }
                    let shared = shared.clone();
                    // A session ends on any error: the client sees the connection close.
                    std::thread::spawn(move || Session::run(stream, &shared));
                }
            })
        };
        SmtpServer { port, dir: dir.to_owned(), stop, open, accept: Some(accept) }
    }

    /// The raw messages received so far, in order.
    pub fn messages(&self) -> Vec<Vec<u8>> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .collect();
        names.sort();
        names.iter().map(|p| std::fs::read(p).unwrap()).collect()
    }

    /// Waits (a little) until `n` messages have arrived.
    pub fn wait_for(&self, n: usize) -> Vec<Vec<u8>> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let got = self.messages();
            if got.len() >= n || std::time::Instant::now() > deadline {
                return got;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop, which then ends and closes the listener.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(accept) = self.accept.take() {
            let _ = accept.join();
        }
        for stream in self.open.lock().unwrap().drain(..) {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }
}

fn tls_config(cert: &Path, key: &Path) -> Arc<ServerConfig> {
    let chain: Vec<CertificateDer<'static>> =
        CertificateDer::pem_file_iter(cert).unwrap().collect::<Result<_, _>>().unwrap();
    let key = PrivateKeyDer::from_pem_file(key).unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .unwrap();
    Arc::new(config)
}

/// The connection, before or after TLS starts.
enum Conn {
    Plain(TcpStream),
    Tls(Box<StreamOwned<ServerConnection, TcpStream>>),
}

impl Read for Conn {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Conn::Plain(s) => s.read(buf),
            Conn::Tls(s) => s.read(buf),
        }
    }
}

impl Write for Conn {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Conn::Plain(s) => s.write(buf),
            Conn::Tls(s) => s.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Conn::Plain(s) => s.flush(),
            Conn::Tls(s) => s.flush(),
        }
    }
}

struct Session<'a> {
    shared: &'a Shared,
    conn: BufReader<Conn>,
    encrypted: bool,
    authed: bool,
    recipients: Vec<String>,
}

impl Session<'_> {
    fn run(stream: TcpStream, shared: &Shared) {
        let closer = stream.try_clone();
        let mut session = Session {
            shared,
            conn: BufReader::new(Conn::Plain(stream)),
            encrypted: false,
            authed: false,
            recipients: Vec::new(),
        };
        let _ = session.serve();
        // The server keeps a handle to cut connections when dropped: close
        // this one now, or the client would wait for a reply (a failed TLS
        // handshake, for one).
        if let Ok(tcp) = closer {
            let _ = tcp.shutdown(Shutdown::Both);
        }
    }

    fn serve(&mut self) -> io::Result<()> {
        if self.shared.options.implicit_tls {
            self.start_tls()?;
        }
        self.reply("220 127.0.0.1 ESMTP chungthu-test")?;
        while self.command()? {}
        Ok(())
    }

    fn start_tls(&mut self) -> io::Result<()> {
        let config = self.shared.tls.clone().expect("TLS needs a certificate");
        let stand_in = Conn::Plain(self.tcp()?);
        let plain = std::mem::replace(&mut self.conn, BufReader::new(stand_in));
        assert!(plain.buffer().is_empty(), "nothing may follow STARTTLS before the handshake");
        let Conn::Plain(tcp) = plain.into_inner() else { unreachable!("TLS starts once") };
        let tls = ServerConnection::new(config).map_err(io::Error::other)?;
        self.conn = BufReader::new(Conn::Tls(Box::new(StreamOwned::new(tls, tcp))));
        self.encrypted = true;
        Ok(())
    }

    /// A second handle on the socket, to stand in while TLS is set up.
    fn tcp(&self) -> io::Result<TcpStream> {
        match self.conn.get_ref() {
            Conn::Plain(s) => s.try_clone(),
            Conn::Tls(s) => s.sock.try_clone(),
        }
    }

    fn reply(&mut self, line: &str) -> io::Result<()> {
        let conn = self.conn.get_mut();
        conn.write_all(format!("{line}\r\n").as_bytes())?;
        conn.flush()
    }

    fn read_line(&mut self) -> io::Result<String> {
        let mut raw = Vec::new();
        if self.conn.read_until(b'\n', &mut raw)? == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        Ok(String::from_utf8_lossy(&raw).trim_end_matches(['\r', '\n']).to_owned())
    }

    fn decode(text: &str) -> String {
        String::from_utf8_lossy(&BASE64.decode(text.trim()).unwrap_or_default()).into_owned()
    }

    fn check(&mut self, user: &str, password: &str) -> io::Result<()> {
        self.authed = self.shared.options.login.as_ref().is_some_and(|(u, p)| u == user && p == password);
        self.reply(if self.authed {
            "235 2.7.0 Authentication successful"
        } else {
            "535 5.7.8 Authentication credentials invalid"
        })
    }

    /// Handles one command; false once the client said QUIT.
    fn command(&mut self) -> io::Result<bool> {
        let line = self.read_line()?;
        let (verb, arg) = line.split_once(' ').unwrap_or((&line, ""));
        let (verb, arg) = (verb.to_ascii_uppercase(), arg.trim().to_owned());
        let shared = self.shared;
        let options = &shared.options;
        match verb.as_str() {
            "EHLO" | "HELO" => {
                let mut lines = vec!["127.0.0.1", "8BITMIME", "SIZE 104857600"];
                if shared.tls.is_some() && !self.encrypted {
                    lines.push("STARTTLS");
                }
                if options.login.is_some() && (self.encrypted || shared.tls.is_none()) {
                    lines.push("AUTH PLAIN LOGIN");
                }
                let last = lines.len() - 1;
                for (i, l) in lines.iter().enumerate() {
                    self.reply(&format!("250{}{l}", if i == last { ' ' } else { '-' }))?;
                }
            }
            "STARTTLS" if shared.tls.is_some() && !self.encrypted => {
                self.reply("220 2.0.0 Ready to start TLS")?;
                self.start_tls()?;
                self.recipients.clear();
            }
            "AUTH" if options.login.is_some() => {
                let mut parts = arg.split_whitespace();
                match parts.next().map(str::to_ascii_uppercase).as_deref() {
                    Some("PLAIN") => {
                        let data = match parts.next() {
                            Some(d) => d.to_owned(),
                            None => {
                                self.reply("334 ")?;
                                self.read_line()?
                            }
                        };
                        let fields: Vec<String> =
                            Self::decode(&data).split('\0').map(str::to_owned).collect();
                        let user = if fields.len() > 2 { fields[1].as_str() } else { "" };
                        self.check(user, fields.last().map_or("", String::as_str))?;
                    }
                    Some("LOGIN") => {
                        self.reply("334 VXNlcm5hbWU6")?;
                        let user = Self::decode(&self.read_line()?);
                        self.reply("334 UGFzc3dvcmQ6")?;
                        let password = Self::decode(&self.read_line()?);
                        self.check(&user, &password)?;
                    }
                    _ => self.reply("504 5.5.4 Unrecognized authentication type")?,
                }
            }
            "MAIL" if options.login.is_some() && !self.authed => {
                self.reply("530 5.7.0 Authentication required")?
            }
            "MAIL" => self.reply("250 2.1.0 OK")?,
            "RCPT" => {
                let after = arg.split_once(':').map_or(arg.as_str(), |(_, a)| a).trim();
                let address = after.trim_start_matches('<').split('>').next().unwrap_or("").to_owned();
                if options.refuse.contains(&address) {
                    self.reply(&format!("550 5.1.1 <{address}>: Recipient address rejected: User unknown"))?;
                } else if options.defer.contains(&address) {
                    self.reply("451 4.3.0 Try again later")?;
                } else {
                    self.recipients.push(address);
                    self.reply("250 2.1.5 OK")?;
                }
            }
            "DATA" if self.recipients.is_empty() => self.reply("503 5.5.1 No recipients")?,
            "DATA" => {
                self.reply("354 End data with <CR><LF>.<CR><LF>")?;
                let n = self.receive()?;
                self.reply(&format!("250 2.0.0 OK queued as {n:04}"))?;
                self.recipients.clear();
            }
            "RSET" => {
                self.recipients.clear();
                self.reply("250 2.0.0 OK")?;
            }
            "NOOP" => self.reply("250 2.0.0 OK")?,
            "QUIT" => {
                self.reply("221 2.0.0 Bye")?;
                return Ok(false);
            }
            _ => self.reply("502 5.5.2 Command not recognized")?,
        }
        Ok(true)
    }

    /// Reads a message up to the lone dot and saves it; returns its number.
    fn receive(&mut self) -> io::Result<u32> {
        let mut message = Vec::new();
        loop {
            let mut raw = Vec::new();
            if self.conn.read_until(b'\n', &mut raw)? == 0 {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
            if raw == b".\r\n" || raw == b".\n" {
                break;
            }
            message.extend_from_slice(raw.strip_prefix(b".").unwrap_or(&raw));
        }
        let n = self.shared.received.fetch_add(1, Ordering::SeqCst) + 1;
        let path = self.shared.dir.join(format!("{n:04}.eml"));
        let part = path.with_extension("eml.part");
        std::fs::write(&part, &message)?;
        std::fs::rename(&part, &path)?;
        Ok(n)
    }
}
