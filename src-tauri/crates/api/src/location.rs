//! Is the database on a network share? SQLite's locking is unreliable over
//! SMB/NFS (two PCs can both think they hold the write lock), and a dropped
//! connection mid-write can damage the file: the user is warned, never
//! stopped (a school may have no other place).
//!
//! The classification is a pure function of the path text and, on Linux,
//! of the `/proc/mounts` table, so it is tested on any machine.

use std::path::Path;

/// File-system types of network mounts as `/proc/mounts` names them.
const NETWORK_FS: [&str; 13] = [
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "ncpfs",
    "afs",
    "9p",
    "ceph",
    "glusterfs",
    "fuse.sshfs",
    "fuse.davfs",
    "fuse.rclone",
];

/// True for a Windows UNC path: `\\server\share\…`, `//server/share/…` or
/// the verbatim `\\?\UNC\server\share\…`. Local verbatim (`\\?\C:\…`) and
/// device paths (`\\.\…`) are not shares.
pub fn is_unc(path: &str) -> bool {
    let p = path.replace('/', "\\");
    if let Some(rest) = p.strip_prefix("\\\\?\\") {
        return rest.get(..4).is_some_and(|s| s.eq_ignore_ascii_case("UNC\\"));
    }
    if p.starts_with("\\\\.\\") {
        return false;
    }
    p.strip_prefix("\\\\").and_then(|rest| rest.split('\\').next()).is_some_and(|server| !server.is_empty())
}

/// Undoes the octal escapes of `/proc/mounts` (`\040` for a space…).
fn unescape_mount(field: &str) -> String {
    let bytes = field.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\'
            && i + 3 < bytes.len()
            && bytes[i + 1..i + 4].iter().all(|b| (b'0'..=b'7').contains(b))
            && let Ok(n) = u8::from_str_radix(&field[i + 1..i + 4], 8)
        {
            out.push(n);
            i += 4;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The file-system type of the mount holding `path` (an absolute Unix
/// path), from a `/proc/mounts` text: the longest mount point that is a
/// whole-component prefix of the path wins.
pub fn mount_type<'a>(path: &str, mounts: &'a str) -> Option<&'a str> {
    let mut best: Option<(usize, &str)> = None;
    for line in mounts.lines() {
        let mut parts = line.split_whitespace();
        let (Some(_device), Some(point), Some(fs)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let point = unescape_mount(point);
        let inside = point == "/"
            || path == point
            || path.strip_prefix(point.as_str()).is_some_and(|rest| rest.starts_with('/'));
        if inside && best.is_none_or(|(len, _)| point.len() >= len) {
            best = Some((point.len(), fs));
        }
    }
    best.map(|(_, fs)| fs)
}

/// True when the database at `path` sits on a network share: a UNC path, or
/// (given the mount table) a network file system.
pub fn is_network(path: &str, mounts: Option<&str>) -> bool {
    if is_unc(path) {
        return true;
    }
    mounts.and_then(|m| mount_type(path, m)).is_some_and(|fs| NETWORK_FS.contains(&fs))
}

/// The warnings to show for a database at `db` (empty when all is well).
pub fn warnings(db: &Path) -> Vec<String> {
    // The folder, resolved: the file may not exist yet, and a symlink may
    // point onto a share.
    let dir = db.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let resolved = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_owned());
    let mounts = if cfg!(target_os = "linux") { std::fs::read_to_string("/proc/mounts").ok() } else { None };
    let text = resolved.display().to_string();
    if is_network(&text, mounts.as_deref()) || is_network(&db.display().to_string(), None) {
        vec![network_warning(db)]
    } else {
        Vec::new()
    }
}

fn network_warning(db: &Path) -> String {
    format!(
        "Tệp dữ liệu {} nằm trên ổ mạng. Trên ổ mạng, dữ liệu dễ hỏng khi mất kết nối hoặc khi hai máy cùng mở. \
         Hãy chép tệp về ổ đĩa của máy này (ví dụ thư mục %APPDATA%\\ChungThu) và dùng bản đó; \
         chỉ để bản sao lưu trên ổ mạng hoặc USB.",
        db.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unc_paths_are_shares_and_local_ones_are_not() {
        for share in [
            r"\\server\share\ChungThu\chungthu.db",
            r"\\192.168.1.10\vanthu\chungthu.db",
            "//nas/data/chungthu.db",
            r"\\?\UNC\server\share\chungthu.db",
            r"\\?\unc\server\share\chungthu.db",
        ] {
            assert!(is_network(share, None), "{share}");
        }
        for local in [
            r"C:\Users\vanthu\AppData\Roaming\ChungThu\chungthu.db",
            r"\\?\C:\Users\vanthu\chungthu.db",
            r"\\.\PhysicalDrive0",
            r"D:\chungthu.db",
            "/home/vanthu/.local/share/ChungThu/chungthu.db",
            r"\\",
            "chungthu.db",
        ] {
            assert!(!is_network(local, None), "{local}");
        }
    }

    const MOUNTS: &str = "\
sysfs /sys sysfs rw,nosuid 0 0
/dev/sda1 / ext4 rw,relatime 0 0
/dev/sda2 /home ext4 rw,relatime 0 0
//nas/vanthu /mnt/nas cifs rw,vers=3.0 0 0
nas:/export /home/vanthu/nfs nfs4 rw 0 0
/dev/sdb1 /media/vanthu/USB\\040DATA vfat rw 0 0
sshfs#host: /mnt/ssh fuse.sshfs rw 0 0
tmpfs /mnt/nas/local tmpfs rw 0 0
";

    #[test]
    fn linux_mounts_decide_by_the_longest_mount_point() {
        assert!(is_network("/mnt/nas/ChungThu/chungthu.db", Some(MOUNTS)));
        assert!(is_network("/home/vanthu/nfs/chungthu.db", Some(MOUNTS)));
        assert!(is_network("/mnt/ssh/chungthu.db", Some(MOUNTS)));
        assert!(!is_network("/home/vanthu/.local/share/ChungThu/chungthu.db", Some(MOUNTS)));
        assert!(!is_network("/mnt/nas/local/chungthu.db", Some(MOUNTS)), "a local mount inside a share");
        assert!(!is_network("/mnt/nasty/chungthu.db", Some(MOUNTS)), "a prefix must end at a '/'");
        assert!(!is_network("/media/vanthu/USB DATA/chungthu.db", Some(MOUNTS)), "\\040 is a space");
        assert_eq!(mount_type("/media/vanthu/USB DATA/x.db", MOUNTS), Some("vfat"));
        assert_eq!(mount_type("/srv/x.db", ""), None);
    }

    #[test]
    fn the_warning_names_the_file_and_what_to_do() {
        let w = network_warning(Path::new(r"\\server\share\chungthu.db"));
        assert!(
            w.contains(r"\\server\share\chungthu.db") && w.contains("ổ mạng") && w.contains("chép tệp về")
        );
    }
}
