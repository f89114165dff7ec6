package provider

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"slices"
)

// uploadFile is a local file to upload through the Resumable Upload API:
// a profile picture or a template's header sample.
type uploadFile struct {
	data     []byte
	mimeType string
	sha256   string
}

// readUploadFile reads a file and tells its type from its content, not its
// name; what names the types accepted, for the message.
func readUploadFile(name, what string, accepted ...string) (uploadFile, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return uploadFile{}, err
	}
	mimeType := http.DetectContentType(data)
	if !slices.Contains(accepted, mimeType) {
		return uploadFile{}, fmt.Errorf("its content is %s, not %s", mimeType, what)
	}
	sum := sha256.Sum256(data)
	return uploadFile{data: data, mimeType: mimeType, sha256: hex.EncodeToString(sum[:])}, nil
}

// readPictureFile reads a profile picture: Graph takes JPEG and PNG.
func readPictureFile(name string) (uploadFile, error) {
	return readUploadFile(name, "a JPEG or PNG image", "image/jpeg", "image/png")
}

// mediaFormatTypes are the file types a template's media header takes, by
// format.
var mediaFormatTypes = map[string]struct {
	what  string
	types []string
}{
	"IMAGE":    {"a JPEG or PNG image", []string{"image/jpeg", "image/png"}},
	"VIDEO":    {"an MP4 video", []string{"video/mp4"}},
	"DOCUMENT": {"a PDF document", []string{"application/pdf"}},
}

// readMediaFile reads a template header's sample file of any media format;
// templateMediaValidator checks it matches the header's.
func readMediaFile(name string) (uploadFile, error) {
	return readUploadFile(name, "an image, MP4 video or PDF document", "image/jpeg", "image/png", "video/mp4", "application/pdf")
}
